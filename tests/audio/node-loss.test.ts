/**
 * Issue 6 node loss across processes: the audio service drives two standalone audio nodes (LAVALINK_NODES);
 * one is stopped (SIGTERM) and the players it had continue on the other within 5 s, at the position they had
 * (within 2 s), with the same volume and filters; the per-node player gauge follows the move.
 */
import type { StoredTrack } from '@discord-bot/database';
import { createRedisClient } from '@discord-bot/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpawnedEntry } from '../support/spawn-entry.js';
import {
  AUDIO_TEST_REDIS_DATABASES,
  startDistributedAudio,
  type DistributedAudio,
  type SpawnedAudioNode,
} from './support/distributed-audio.js';

const MOVE_LIMIT_MS = 5_000;
const POSITION_TOLERANCE_MS = 2_000;
const VOLUME = 150;
/** A filter set that leaves the tone's pitch alone (the simulator names the frequency it hears). */
const FILTERS = { volume: 0.8, equalizer: [{ band: 0, gain: 0.1 }] };
const SAVED_POSITION_MS = 3_000;
const enabled =
  process.env['TEST_DATABASE_URL'] !== undefined &&
  process.env['TEST_REDIS_URL'] !== undefined &&
  process.env['DISCORD_SIM_CA_DIR'] !== undefined;

interface NodePlayer {
  readonly guildId: string;
  readonly volume: number;
  readonly filters: Record<string, unknown>;
  readonly track: { readonly info: { readonly uri: string } } | null;
}

describe.skipIf(!enabled)('two standalone audio nodes, one stopped', () => {
  let d: DistributedAudio;
  let nodes: SpawnedAudioNode[];
  let audio: SpawnedEntry;

  /** The players the audio service has on `node` (its session is recorded in Redis for resuming). */
  async function playersOn(node: SpawnedAudioNode): Promise<NodePlayer[]> {
    const redis = createRedisClient(d.redisUrl);
    try {
      const [key] = await redis.keys(`audio:node-session:${node.id}:*`);
      const sessionId = key === undefined ? null : await redis.get(key);
      if (sessionId === null) return [];
      const response = await fetch(`${node.url}/v4/sessions/${sessionId}/players`, {
        headers: { Authorization: node.password },
      });
      return response.ok ? ((await response.json()) as NodePlayer[]) : [];
    } finally {
      redis.disconnect();
    }
  }

  async function loadTrack(node: SpawnedAudioNode, path: string, requesterId: string): Promise<StoredTrack> {
    const identifier = encodeURIComponent(`${d.media.url}${path}`);
    const response = await fetch(`${node.url}/v4/loadtracks?identifier=${identifier}`, {
      headers: { Authorization: node.password },
    });
    const body = (await response.json()) as { loadType: string; data: Omit<StoredTrack, 'requester'> };
    expect(body.loadType).toBe('track');
    return { ...body.data, requester: { id: requesterId, username: 'listener' } };
  }

  async function nodePlayersGauge(port: number): Promise<Record<string, number>> {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const gauge: Record<string, number> = {};
    for (const match of text.matchAll(/^audio_lavalink_node_players\{[^}]*node="([^"]+)"[^}]*\} (\d+)/gm)) {
      gauge[match[1] ?? ''] = Number(match[2]);
    }
    return gauge;
  }

  beforeAll(async () => {
    d = await startDistributedAudio(2, AUDIO_TEST_REDIS_DATABASES.nodeLoss);
    nodes = [await d.spawnNode('node-a'), await d.spawnNode('node-b')];
    // Saved players with a volume and filters (no command sets filters): the service restores them at start.
    for (const guild of d.guilds) {
      await d.database.db.playerStates.save({
        guildId: guild.id,
        voiceChannelId: guild.voiceChannelId,
        textChannelId: guild.textChannelId,
        currentTrack: await loadTrack(nodes[0]!, '/440.wav', guild.userId),
        positionMs: SAVED_POSITION_MS,
        queue: [await loadTrack(nodes[0]!, '/660.wav', guild.userId)],
        previousTracks: [],
        loopMode: 'off',
        volume: VOLUME,
        filters: FILTERS,
        autoplay: false,
        paused: false,
        savedAt: new Date(),
      });
    }
    audio = await d.spawnAudio(nodes);
  }, 120_000);
  afterAll(async () => {
    await d?.close();
  });

  it('GIVEN players on two node processes THEN SIGTERM of one moves its players to the other within 5 s, same position, volume and filters', async () => {
    await Promise.all(d.guilds.map((guild) => d.hear(guild, 440, 20_000)));
    const placed = await Promise.all(nodes.map((node) => playersOn(node)));
    // New players go to the least loaded node: one each.
    expect(placed.map((players) => players.length)).toEqual([1, 1]);
    const victimIndex = 0;
    const victim = nodes[victimIndex]!;
    const survivor = nodes[1 - victimIndex]!;
    const movedGuildId = placed[victimIndex]![0]!.guildId;
    const moved = d.guilds.find((guild) => guild.id === movedGuildId)!;

    const before = await d.request(moved, 'nowPlaying', {});
    if (!before.ok) throw new Error(before.error.message);
    const beforeAt = Date.now();
    const mark = d.ui.length;
    const stoppedAt = Date.now();
    await victim.entry.stop('SIGTERM');
    // The track starts on the other node (a fast move may leave no silence to wait for), then is heard.
    const startedAgain = () =>
      d.ui.slice(mark).find((event) => event.type === 'track.start' && event.guildId === moved.id);
    await expect.poll(startedAgain, { timeout: MOVE_LIMIT_MS, interval: 50 }).toBeDefined();
    await d.hear(moved, 440, MOVE_LIMIT_MS);
    const movedWithinMs = Date.now() - stoppedAt;
    expect(movedWithinMs).toBeLessThan(MOVE_LIMIT_MS);

    // Where it started again on the new node, against where it was when its node stopped.
    const now = await d.request(moved, 'nowPlaying', {});
    if (!now.ok) throw new Error(now.error.message);
    const start = startedAgain();
    const resumedAtMs = now.value.positionMs - (Date.now() - (start?.sentAt ?? Date.now()));
    const lostAtMs = before.value.positionMs + (stoppedAt - beforeAt);
    expect(Math.abs(resumedAtMs - lostAtMs)).toBeLessThanOrEqual(POSITION_TOLERANCE_MS);
    expect(now.value.track?.uri).toContain('/440.wav');
    expect(now.value.queueLength).toBe(1);

    const onSurvivor = await playersOn(survivor);
    expect(onSurvivor.map((player) => player.guildId).sort()).toEqual(d.guilds.map((g) => g.id).sort());
    const movedPlayer = onSurvivor.find((player) => player.guildId === moved.id);
    expect(movedPlayer?.volume).toBe(VOLUME);
    expect(movedPlayer?.filters).toMatchObject(FILTERS);
    expect(movedPlayer?.track?.info.uri).toContain('/440.wav');

    // The per-node gauge follows the move (it is refreshed with the progress ticker, every 5 s).
    const port = await audio.port();
    await expect
      .poll(() => nodePlayersGauge(port), { timeout: 7_000, interval: 250 })
      .toEqual({ [victim.id]: 0, [survivor.id]: 2 })
      .catch((error: unknown) => {
        // What the service said about nodes and moves, to tell a slow gauge from a wrong count.
        console.info(
          audio
            .output()
            .split('\n')
            .filter((line) => /node/.test(line))
            .join('\n'),
        );
        throw error;
      });
  }, 120_000);
});
