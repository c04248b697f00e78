/**
 * The sound across the client's own troubles, heard through simulated Discord voice: lavalink-client's
 * WebSocket drops and resumes its session (the node keeps playing meanwhile), and a node shuts down and
 * lavalink-client's autoMove carries the player to a second node at the same position.
 *
 * The fixture is a sweep whose frequency says where in the track it is (300 Hz at 0 s, rising 20 Hz a
 * second), so the simulator's dominant frequency is the position heard.
 */
import type { VoiceAudioAnalysis } from '@discord-bot/discord-sim';
import { afterEach, describe, expect, it } from 'vitest';
import { makeWav } from '../support/wav.js';
import { SIM_CA_DIR, sleep, startVoiceStage, type VoiceStage } from '../support/voice-stage.js';

const GUILD = '200000000000000033';
const SWEEP_START_HZ = 300;
const SWEEP_HZ_PER_SECOND = 20;
const SWEEP_SECONDS = 40;
/** Window for reading the position: short enough that the sweep barely moves within it, ms. */
const POSITION_WINDOW_MS = 300;
/** How far the position heard after a move may be from the one heard before it, s (the issue's +-2 s). */
const MOVE_TOLERANCE_S = 2;
/** A steady stream delivers 50 packets a second; allow for a window's edges. */
const STEADY_PACKETS_PER_SECOND = 45;

const sweep = {
  kind: 'file',
  body: makeWav({
    seconds: SWEEP_SECONDS,
    channels: 1,
    frequencyAt: (s) => SWEEP_START_HZ + SWEEP_HZ_PER_SECOND * s,
  }),
  type: 'audio/wav',
} as const;

type Message = VoiceStage['harness']['messages'][number];

/** The first WebSocket message from index `from` on matching `predicate`, waiting for it. */
async function messageSince(
  current: VoiceStage,
  from: number,
  predicate: (message: Message) => boolean,
  timeoutMs = 10_000,
): Promise<Message> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = current.harness.messages.slice(from).find(predicate);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('Timed out waiting for a WebSocket message');
    await sleep(10);
  }
}

/** The track position a frequency of the sweep stands for, s. */
const positionOf = (heard: VoiceAudioAnalysis): number =>
  (heard.dominantHz - SWEEP_START_HZ) / SWEEP_HZ_PER_SECOND;

describe.skipIf(SIM_CA_DIR === undefined)(
  'sessions and node moves heard through simulated Discord voice',
  () => {
    let stage: VoiceStage | undefined;

    afterEach(async () => {
      await stage?.close();
      stage = undefined;
    });

    /** The position heard now, once the sweep is heard at all. */
    async function heardPosition(current: VoiceStage): Promise<number> {
      const heard = await current.hear(
        (a) => a.dominantHz > SWEEP_START_HZ && a.packetsPerSecond >= STEADY_PACKETS_PER_SECOND,
        POSITION_WINDOW_MS,
      );
      return positionOf(heard);
    }

    it('GIVEN resuming enabled WHEN the client WebSocket drops and reconnects with its session THEN the sound never stops and the player still answers', async () => {
      const current = await startVoiceStage({ guildId: GUILD, media: { '/sweep.wav': sweep } });
      stage = current;
      const client = current.harness.manager.nodeManager.nodes.get('n')!;
      await client.updateSession(true, 60);
      await current.play(`${current.media.url}/sweep.wav`);
      const before = await heardPosition(current);
      const beforeAt = Date.now();
      const sessionId = client.sessionId!;
      const seen = current.harness.messages.length;

      client.disconnect('network blip');
      const whileAway = await current.sample(1_500, 200, 100);
      client.connect(sessionId);
      const ready = await messageSince(current, seen, (m) => m.payload.op === 'ready');
      expect(ready.payload).toMatchObject({ resumed: true, sessionId });
      await messageSince(current, seen, (m) => m.payload.op === 'playerUpdate');

      // Never a silent window while the client was away, and no frame missing across the whole time.
      expect(whileAway.every((a) => a.packetsPerSecond >= STEADY_PACKETS_PER_SECOND - 10)).toBe(true);
      const after = await heardPosition(current);
      const across = current.analysis(Date.now() - beforeAt + POSITION_WINDOW_MS);
      expect(across.gaps).toBe(0);
      expect(across.packetsPerSecond).toBeGreaterThanOrEqual(STEADY_PACKETS_PER_SECOND);
      // The track went on in real time: the position heard moved as much as the clock did.
      expect(Math.abs(after - before - (Date.now() - beforeAt) / 1_000)).toBeLessThan(0.5);

      // The resumed session is the player's: a volume change through it is heard.
      const full = current.analysis(POSITION_WINDOW_MS).rmsDbfs;
      await current.player.setVolume(50);
      await sleep(600);
      expect(current.analysis(POSITION_WINDOW_MS).rmsDbfs - full).toBeLessThan(-5);
      expect(current.rest.errors).toEqual([]);
      expect(current.harness.wsErrors).toEqual([]);
    });

    it('GIVEN autoMove WHEN the first node shuts down mid-track THEN the player carries on on the second node at the position heard before, +-2 s', async () => {
      const current = await startVoiceStage({
        guildId: GUILD,
        autoMove: true,
        media: { '/sweep.wav': sweep },
        // Periodic playerUpdates are 5 s apart; a long interval makes the client know only what the node
        // says at the seek and at shutdown, so the check does not depend on when the last one happened.
        nodes: [{ id: 'a', options: { playerUpdateIntervalMs: 60_000 } }, { id: 'b' }],
      });
      stage = current;
      await current.play(`${current.media.url}/sweep.wav`);
      await heardPosition(current);
      await current.player.seek(10_000);
      await current.hear((a) => positionOf(a) >= 10 && positionOf(a) < 11, POSITION_WINDOW_MS);
      await sleep(3_000);
      const before = await heardPosition(current);

      await current.node('a').close(); // graceful: lavalink-client is told with close 1001
      const closedAt = Date.now();
      await messageSince(current, 0, (m) => m.node === 'b' && m.payload.type === 'TrackStartEvent');
      // Only the second node's audio can be in a window that starts after the first one closed.
      await sleep(Math.max(0, closedAt + POSITION_WINDOW_MS - Date.now()));
      const after = await heardPosition(current);

      expect(current.player.node.id).toBe('b');
      expect(Math.abs(after - before)).toBeLessThanOrEqual(MOVE_TOLERANCE_S);
      const heard = current.analysis(POSITION_WINDOW_MS);
      expect(heard).toMatchObject({ connected: true, gaps: 0 });
      expect(current.rest.errors).toEqual([]);
      expect(current.harness.wsErrors).toEqual([]);
    });
  },
);
