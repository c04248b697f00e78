/**
 * The stage of the end-to-end acceptance tests: the Discord simulator's voice server as the voice end (its
 * analysis says what was heard), a media server, audio nodes with the real engine (decode, filters, Opus,
 * @discordjs/voice with DAVE), and the real lavalink-client joined to voice through the simulator. Every
 * REST answer and WebSocket message is validated against lavalink-protocol on the way.
 */
import {
  createVoiceServer,
  issueServerCertificate,
  readCertificateAuthority,
  type SimVoiceServer,
  type VoiceAudioAnalysis,
} from '@discord-bot/discord-sim';
import { createSilentLogger } from '@discord-bot/logger';
import type { Player, SearchQuery, Track } from 'lavalink-client';
import { startAudioNode, type AudioNodeOptions, type RunningAudioNode } from '../../src/start-audio-node.js';
import { BOT_ID, startHarness, VOICE_CHANNEL, watchRest, type Harness } from './client-harness.js';
import { startMediaServer, type MediaRoute, type MediaServer } from './media-server.js';

/** Where the root Vitest global setup put the simulator's certificate authority; unset outside it. */
export const SIM_CA_DIR = process.env.DISCORD_SIM_CA_DIR;

/** The simulator's voice session id of the bot (what VOICE_STATE_UPDATE would carry). */
const VOICE_SESSION_ID = 'sim-voice-session';
/** How often `hear` and `untilSilent` look again, ms. */
const POLL_MS = 50;
/**
 * Nothing received for this long counts as silence, ms (15 frame slots: no jitter is that long). A window
 * no longer than this, read after {@link VoiceStage.untilSilent}, holds only audio that came after it.
 */
export const QUIET_MS = 300;

/** True when `hz` is within `tolerance` (a fraction) of `target`. */
export const near = (hz: number, target: number, tolerance = 0.02): boolean =>
  Math.abs(hz - target) <= target * tolerance;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface VoiceStageOptions {
  readonly guildId: string;
  readonly media: Record<string, MediaRoute>;
  /** The nodes, in order (the player joins the first); default one node `n`. */
  readonly nodes?: readonly { readonly id: string; readonly options?: Partial<AudioNodeOptions> }[];
  readonly autoMove?: boolean;
  readonly autoSkip?: boolean;
}

export interface VoiceStage {
  readonly voice: SimVoiceServer;
  readonly media: MediaServer;
  readonly harness: Harness;
  readonly rest: ReturnType<typeof watchRest>;
  /** The guild's lavalink-client player, joined to the simulator's voice on the first node. */
  readonly player: Player;
  node(id: string): RunningAudioNode;
  /** What the simulator heard from the guild over the last `windowMs`. */
  analysis(windowMs: number): VoiceAudioAnalysis;
  /** The first analysis `accept` takes, looking every 50 ms; throws with the last one after `timeoutMs`. */
  hear(
    accept: (heard: VoiceAudioAnalysis) => boolean,
    windowMs?: number,
    timeoutMs?: number,
  ): Promise<VoiceAudioAnalysis>;
  /** Analyses of the last `windowMs`, taken every `everyMs` for `durationMs`. */
  sample(durationMs: number, windowMs: number, everyMs?: number): Promise<VoiceAudioAnalysis[]>;
  /** Resolves once no packet has arrived for 300 ms. */
  untilSilent(timeoutMs?: number): Promise<void>;
  /** Loads `query` through lavalink-client and plays the first track it gives. */
  play(query: string | SearchQuery): Promise<{ loadType: string; track: Track }>;
  close(): Promise<void>;
}

/** Starts the simulator's voice server, the media server, the nodes and lavalink-client, and joins voice. */
export async function startVoiceStage(options: VoiceStageOptions): Promise<VoiceStage> {
  const { ca } = await readCertificateAuthority(SIM_CA_DIR!);
  const voice = createVoiceServer({ tls: await issueServerCertificate(ca) });
  await voice.start();
  const media = await startMediaServer(options.media);
  const nodes = new Map<string, RunningAudioNode>();
  for (const { id, options: overrides } of options.nodes ?? [{ id: 'n' }]) {
    const node = await startAudioNode({
      host: '127.0.0.1',
      port: 0,
      password: `acceptance-${id}`,
      musicDirs: [],
      httpAllowlist: ['127.0.0.1'],
      logger: createSilentLogger(),
      ...overrides,
    });
    nodes.set(id, node);
  }
  const rest = watchRest([...nodes.values()].map((node) => node.port));
  const harness = await startHarness(
    [...nodes].map(([id, node]) => ({
      id,
      host: '127.0.0.1',
      port: node.port,
      authorization: node.password,
      retryAmount: 1,
      retryDelay: 100,
    })),
    { autoMove: options.autoMove ?? false, autoSkip: options.autoSkip ?? false },
  );
  const grant = voice.allocate({
    guildId: options.guildId,
    userId: BOT_ID,
    sessionId: VOICE_SESSION_ID,
    channelId: VOICE_CHANNEL,
  });
  const firstNode = [...nodes.keys()][0]!;
  const player = await harness.joinVoice(options.guildId, firstNode, {
    sessionId: VOICE_SESSION_ID,
    ...grant,
  });
  const analysis = (windowMs: number): VoiceAudioAnalysis => voice.analysis(options.guildId, windowMs);

  return {
    voice,
    media,
    harness,
    rest,
    player,
    analysis,
    node(id) {
      const node = nodes.get(id);
      if (node === undefined) throw new Error(`no node ${id}`);
      return node;
    },
    async hear(accept, windowMs = 1_000, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let last = analysis(windowMs);
      while (!accept(last)) {
        if (Date.now() > deadline)
          throw new Error(`not heard in time; last analysis ${JSON.stringify(last)}`);
        await sleep(POLL_MS);
        last = analysis(windowMs);
      }
      return last;
    },
    async sample(durationMs, windowMs, everyMs = 25) {
      const samples: VoiceAudioAnalysis[] = [];
      const end = Date.now() + durationMs;
      while (Date.now() < end) {
        samples.push(analysis(windowMs));
        await sleep(everyMs);
      }
      return samples;
    },
    async untilSilent(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      let packets = analysis(QUIET_MS).totalPackets;
      let quietSince = Date.now();
      while (Date.now() - quietSince < QUIET_MS) {
        if (Date.now() > deadline) throw new Error('the simulator still hears audio');
        await sleep(POLL_MS);
        const now = analysis(QUIET_MS).totalPackets;
        if (now !== packets) quietSince = Date.now();
        packets = now;
      }
    },
    async play(query) {
      const result = await player.search(typeof query === 'string' ? { query } : query, 'tester');
      const track = result.tracks[0] as Track | undefined;
      if (track === undefined)
        throw new Error(`nothing to play for ${JSON.stringify(query)}: ${result.loadType}`);
      await player.play({ clientTrack: track, paused: false });
      return { loadType: result.loadType, track };
    },
    async close() {
      await harness.destroy();
      rest.restore();
      for (const node of nodes.values()) await node.close();
      await media.close();
      await voice.stop();
    },
  };
}
