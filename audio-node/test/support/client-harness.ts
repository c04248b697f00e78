/**
 * Drives the real `lavalink-client` against audio nodes: a manager whose REST responses and WebSocket
 * messages are all validated against lavalink-protocol, plus the gateway voice events a bot would forward.
 */
import { LavalinkManager, type LavalinkNodeOptions, type Player } from 'lavalink-client';
import { vi } from 'vitest';
import { validate } from './protocol-oracle.js';

export const BOT_ID = '100000000000000001';
export const VOICE_CHANNEL = '300000000000000003';

/** Validates a REST response body by route; returns the problems found (tests assert it stays empty). */
function validateResponse(url: URL, method: string, status: number, body: unknown): void {
  const path = url.pathname;
  if (status >= 400) return validate.error(body);
  if (path.endsWith('/info')) return validate.info(body);
  if (path.endsWith('/stats')) return validate.stats(body);
  if (path.endsWith('/loadtracks')) return validate.loadResult(body);
  if (path.endsWith('/decodetrack')) return validate.track(body);
  if (path.endsWith('/decodetracks')) return validate.tracks(body);
  if (/\/sessions\/[^/]+\/players$/.test(path)) return validate.players(body);
  if (/\/sessions\/[^/]+\/players\/[^/]+$/.test(path) && method !== 'DELETE') return validate.player(body);
  if (/\/sessions\/[^/]+$/.test(path)) return validate.session(body);
}

/** Wraps global fetch so every JSON answer from `ports` is validated; returns the collected errors. */
export function watchRest(ports: readonly number[]): {
  errors: Error[];
  count: () => number;
  restore: () => void;
} {
  const original = globalThis.fetch;
  const errors: Error[] = [];
  let count = 0;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const response = await original(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!ports.includes(Number(url.port))) return response;
    expectHeader(response, errors);
    const text = await response.clone().text();
    if (text !== '' && (response.headers.get('content-type') ?? '').startsWith('application/json')) {
      count++;
      try {
        validateResponse(url, init?.method ?? 'GET', response.status, JSON.parse(text));
      } catch (error) {
        errors.push(error as Error);
      }
    }
    return response;
  });
  return { errors, count: () => count, restore: () => spy.mockRestore() };
}

function expectHeader(response: Response, errors: Error[]): void {
  if (response.headers.get('lavalink-api-version') !== '4')
    errors.push(new Error(`missing Lavalink-Api-Version on ${response.url}`));
}

/** The voice session and server a gateway hands a bot (VOICE_STATE_UPDATE + VOICE_SERVER_UPDATE). */
export interface VoiceGrant {
  readonly sessionId: string;
  readonly token: string;
  readonly endpoint: string;
}

export interface Harness {
  readonly manager: LavalinkManager;
  readonly wsErrors: Error[];
  readonly messages: { node: string; payload: Record<string, unknown> }[];
  /** Players handed back by `resumed` events (lavalink-client fetches them after a resumed `ready`). */
  readonly resumedPlayers: unknown[][];
  /** The first raw WebSocket message (past or future) matching `predicate`. */
  nextMessage(
    predicate: (payload: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /**
   * Creates a player on `nodeId`, joins voice and forwards the gateway voice events (`voice`: what a Discord
   * voice server allocated, e.g. the simulator's; placeholder values otherwise).
   */
  joinVoice(guildId: string, nodeId: string, voice?: VoiceGrant): Promise<Player>;
  destroy(): Promise<void>;
}

export async function startHarness(
  nodes: LavalinkNodeOptions[],
  options: { autoMove?: boolean; autoSkip?: boolean } = {},
): Promise<Harness> {
  const sent: unknown[] = [];
  const wsErrors: Error[] = [];
  const messages: Harness['messages'] = [];
  const manager = new LavalinkManager({
    nodes,
    client: { id: BOT_ID, username: 'audio-node-tests' },
    sendToShard: (_guildId, payload) => void sent.push(payload),
    autoMove: options.autoMove ?? false,
    autoSkip: options.autoSkip ?? false,
    playerOptions: {
      defaultSearchPlatform: 'local',
      onDisconnect: { destroyPlayer: false, autoReconnect: false },
    },
  });
  manager.nodeManager.on('raw', (node, payload) => {
    messages.push({ node: node.id, payload: payload as Record<string, unknown> });
    try {
      validate.message(payload);
    } catch (error) {
      wsErrors.push(error as Error);
    }
  });
  manager.nodeManager.on('error', () => undefined);
  const resumedPlayers: unknown[][] = [];
  manager.nodeManager.on(
    'resumed',
    (_node, _payload, players) => void resumedPlayers.push(players as unknown[]),
  );
  const connected = new Promise<void>((resolve) => {
    let count = 0;
    manager.nodeManager.on('connect', () => {
      if (++count === nodes.length) resolve();
    });
  });
  await manager.init({ id: BOT_ID, username: 'audio-node-tests' });
  await connected;
  return {
    manager,
    wsErrors,
    messages,
    resumedPlayers,
    async nextMessage(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((m) => predicate(m.payload));
        if (found !== undefined) return found.payload;
        if (Date.now() > deadline) throw new Error('Timed out waiting for a WebSocket message');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async joinVoice(
      guildId,
      nodeId,
      voice = { sessionId: 'voice-session', token: 'voice-token', endpoint: 'voice.invalid:443' },
    ) {
      const player = manager.createPlayer({
        guildId,
        voiceChannelId: VOICE_CHANNEL,
        textChannelId: '400',
        selfDeaf: true,
        node: nodeId,
      });
      await player.connect();
      await manager.sendRawData({
        t: 'VOICE_STATE_UPDATE',
        d: {
          guild_id: guildId,
          channel_id: VOICE_CHANNEL,
          user_id: BOT_ID,
          session_id: voice.sessionId,
          deaf: false,
          mute: false,
          self_deaf: true,
          self_mute: false,
          suppress: false,
        },
      } as never);
      await manager.sendRawData({
        t: 'VOICE_SERVER_UPDATE',
        d: { guild_id: guildId, token: voice.token, endpoint: voice.endpoint },
      } as never);
      return player;
    },
    async destroy() {
      for (const node of [...manager.nodeManager.nodes.values()]) node.destroy('tests', true);
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}
