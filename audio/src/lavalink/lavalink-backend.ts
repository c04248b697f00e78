import type { LavalinkNodeConfig } from '@discord-bot/config';
import type { Logger } from '@discord-bot/logger';
import {
  LavalinkManager,
  type GuildShardPayload,
  type LavalinkNode,
  type LavalinkNodeOptions,
  type LavalinkTrack,
  type Player,
} from 'lavalink-client';
import type { AudioBackend, NodeHealth, PlayRequest, ResumedPlayer, VoicePacket } from './audio-backend.js';
import { AudioNodeRequestError } from './audio-node-request-error.js';
import type { BackendTrack } from './backend-track.js';
import { toBackendEvent, type BackendEvent, type BackendListener } from './backend-events.js';
import { parseLoadResult, type LoadOutcome } from './load-outcome.js';
import { reconnectDelayMs } from './reconnect-delay.js';
import { nodeErrorOf } from './node-error-body.js';
import type { NodeSessionStore } from './node-session-store.js';
import { toResumedPlayers } from './resumed-player.js';

/** Options of {@link LavalinkBackend}. */
export interface LavalinkBackendOptions {
  readonly nodes: readonly LavalinkNodeConfig[];
  /** Sends a gateway payload (op 4) on the guild's shard: the gateway does it for us. */
  readonly sendToShard: (guildId: string, payload: { op: number; d: Record<string, unknown> }) => void;
  readonly logger: Logger;
  /**
   * A lost node is reconnected to without end: the first pause, doubling after each failed attempt up to
   * the cap.
   */
  readonly nodeRetryDelayMs: number;
  readonly nodeRetryMaxDelayMs: number;
  /**
   * Session resuming (nodes that outlive this process): sessions are resumed from `store` at start, and each
   * new session is made resumable for `timeoutS` seconds and recorded there.
   */
  readonly resume?: { readonly store: NodeSessionStore; readonly timeoutS: number };
  /** How long start() waits for a node with a session to resume to answer. */
  readonly resumeWaitMs: number;
}

function isReady(payload: unknown): payload is { op: 'ready'; sessionId: string; resumed: boolean } {
  const message = payload as { op?: unknown; sessionId?: unknown } | null;
  return message?.op === 'ready' && typeof message.sessionId === 'string';
}

function toRawTrack(track: BackendTrack): LavalinkTrack {
  // lavalink-client's track type wants its own optional fields; the node accepts the v4 Track as it is.
  return {
    encoded: track.encoded,
    info: { ...track.info, isrc: track.info.isrc ?? null },
    pluginInfo: { ...track.pluginInfo },
    userData: {},
  } as LavalinkTrack;
}

/**
 * Waits for a player update and throws when the node refused it: lavalink-client resolves with the node's
 * error body (HTTP 500...) as if it were the result, and the caller must not believe the change happened.
 */
async function checked(guildId: string, update: Promise<unknown>): Promise<void> {
  const failure = nodeErrorOf(await update);
  if (failure !== undefined) throw new AudioNodeRequestError(failure, { guildId });
}

function nodeOptions(node: LavalinkNodeConfig, options: LavalinkBackendOptions): LavalinkNodeOptions {
  const url = new URL(node.url);
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  return {
    id: node.id,
    host: url.hostname,
    port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
    authorization: node.password,
    secure,
    // Never given up: after its last attempt lavalink-client deletes the node and destroys its players, which
    // takes the bot out of voice and the engine then forgets the player and its saved state.
    retryAmount: Number.POSITIVE_INFINITY,
    retryDelay: options.nodeRetryDelayMs,
  };
}

/**
 * {@link AudioBackend} over lavalink-client: it keeps node connections, load balancing (least used node for
 * new players), voice hand-off and moving players off a lost node. Queues are ours, so events are read from
 * the raw protocol messages rather than lavalink-client's queue-driven events.
 */
export class LavalinkBackend implements AudioBackend {
  readonly #options: LavalinkBackendOptions;
  readonly #listeners: BackendListener[] = [];
  #manager: LavalinkManager | undefined;

  public constructor(options: LavalinkBackendOptions) {
    this.#options = options;
  }

  public async start(botUserId: string): Promise<readonly ResumedPlayer[]> {
    const options = this.#options;
    const resume = options.resume;
    const previous = new Map<string, string>();
    if (resume !== undefined) {
      for (const node of options.nodes) {
        const sessionId = await resume.store.take(node.id).catch((error: unknown) => {
          options.logger.warn({ err: error, node: node.id }, 'could not read the node session to resume');
          return undefined;
        });
        if (sessionId !== undefined) previous.set(node.id, sessionId);
      }
    }
    const manager = new LavalinkManager({
      nodes: options.nodes.map((node) => {
        const sessionId = previous.get(node.id);
        return { ...nodeOptions(node, options), ...(sessionId === undefined ? {} : { sessionId }) };
      }),
      client: { id: botUserId, username: 'discord-bot' },
      sendToShard: (guildId: string, payload: GuildShardPayload) =>
        options.sendToShard(guildId, { op: payload.op, d: { ...payload.d } }),
      autoSkip: false,
      // Moves are ours (moveToAnotherNode): lavalink-client's would replay a stale position and its own
      // filter state, not the player's.
      autoMove: false,
      playerOptions: {
        onDisconnect: { destroyPlayer: false, autoReconnect: false },
        useUnresolvedData: false,
      },
      queueOptions: { maxPreviousTracks: 1 },
    });
    this.#manager = manager;
    const nodeManager = manager.nodeManager;
    // Nodes with a session to resume: start() waits for their answer (resumed with players, or a new session).
    const answers = new Map<string, () => void>();
    const answered = [...previous.keys()].map(
      (nodeId) =>
        new Promise<void>((resolve) => {
          answers.set(nodeId, resolve);
          setTimeout(resolve, options.resumeWaitMs).unref();
        }),
    );
    const answer = (nodeId: string) => answers.get(nodeId)?.();
    const resumed: ResumedPlayer[] = [];
    // lavalink-client emits `connect` once it has the node's `/v4/info` (its sources): until then a plain
    // query would find no search source, so starting waits for it as well as for the sessions.
    let firstConnected: () => void = () => undefined;
    const connected = new Promise<void>((resolve) => (firstConnected = resolve));
    nodeManager.on('raw', (node, payload) => {
      if (isReady(payload)) {
        this.#onReady(node, payload.sessionId, payload.resumed);
        if (!payload.resumed) answer(node.id);
        return;
      }
      const event = toBackendEvent(payload);
      if (event !== undefined) this.#emit(event);
    });
    let starting = true;
    nodeManager.on('resumed', (node, _payload, players) => {
      const handedBack = toResumedPlayers(node.id, players);
      options.logger.info({ node: node.id, players: handedBack.length }, 'audio node session resumed');
      // Later resumes (a connection blip) keep lavalink-client's own players: nothing to take back.
      if (starting) resumed.push(...handedBack);
      answer(node.id);
    });
    nodeManager.on('connect', (node) => {
      firstConnected();
      this.#emit({ type: 'nodeUp', nodeId: node.id });
    });
    nodeManager.on('disconnect', (node) => {
      answer(node.id);
      this.#emit({ type: 'nodeDown', nodeId: node.id });
    });
    nodeManager.on('destroy', (node) => {
      answer(node.id);
      this.#emit({ type: 'nodeDown', nodeId: node.id });
    });
    // lavalink-client schedules the next attempt right after this event with the node's `retryDelay`: the
    // pause grows with the attempts made since the node was last connected, up to the cap.
    nodeManager.on('reconnectinprogress', (node) => {
      node.options.retryDelay = reconnectDelayMs(
        node.reconnectionAttemptCount,
        options.nodeRetryDelayMs,
        options.nodeRetryMaxDelayMs,
      );
    });
    nodeManager.on('error', (node, error) =>
      options.logger.warn({ node: node.id, err: error }, 'audio node connection error'),
    );
    await manager.init({ id: botUserId, username: 'discord-bot' });
    await connected;
    await Promise.all(answered);
    starting = false;
    return resumed;
  }

  public async close(): Promise<void> {
    const manager = this.#manager;
    if (manager === undefined) return;
    this.#manager = undefined;
    // Players stay on the nodes (and in Discord voice): the next start resumes the sessions where resuming is
    // on, else restores them from the database. lavalink-client destroys the players of a node it destroys, so
    // it forgets them first; and no node event means anything during shutdown.
    manager.nodeManager.removeAllListeners();
    for (const guildId of [...manager.players.keys()]) manager.players.delete(guildId);
    for (const node of [...manager.nodeManager.nodes.values()]) node.destroy('audio service stopping', true);
    await Promise.resolve();
  }

  public onEvent(listener: BackendListener): void {
    this.#listeners.push(listener);
  }

  public available(): boolean {
    return [...(this.#manager?.nodeManager.nodes.values() ?? [])].some((node) => node.connected);
  }

  public sources(): ReadonlySet<string> {
    const names = new Set<string>();
    for (const node of this.#manager?.nodeManager.nodes.values() ?? []) {
      if (node.connected) for (const name of node.info?.sourceManagers ?? []) names.add(name);
    }
    return names;
  }

  public async load(identifier: string): Promise<LoadOutcome> {
    const node = this.#manager?.nodeManager.leastUsedNodes('players')[0];
    if (node === undefined)
      return { kind: 'error', message: 'no audio node is available', severity: 'fault' };
    const body: unknown = await node.request(`/loadtracks?identifier=${encodeURIComponent(identifier)}`);
    return parseLoadResult(body);
  }

  public async connect(guildId: string, voiceChannelId: string, force = false): Promise<void> {
    const manager = this.#require();
    const existing = manager.getPlayer(guildId);
    if (!force && existing?.voiceChannelId === voiceChannelId && existing.connected) return;
    const node = this.#leastLoadedNode();
    const player =
      existing ??
      manager.createPlayer({
        guildId,
        voiceChannelId,
        selfDeaf: true,
        selfMute: false,
        volume: 100,
        ...(node === undefined ? {} : { node: node.id }),
      });
    player.voiceChannelId = voiceChannelId;
    player.options.voiceChannelId = voiceChannelId;
    await player.connect();
  }

  public async disconnect(guildId: string): Promise<void> {
    const player = this.#manager?.getPlayer(guildId);
    if (player === undefined) return;
    await player.destroy('left', true);
  }

  public async release(guildId: string): Promise<void> {
    const player = this.#manager?.getPlayer(guildId);
    if (player === undefined) return;
    await player.destroy('taken over by another replica', false);
  }

  public adoptResumed(resumed: ResumedPlayer, voiceChannelId: string): void {
    const manager = this.#require();
    const player =
      manager.getPlayer(resumed.guildId) ??
      manager.createPlayer({
        guildId: resumed.guildId,
        voiceChannelId,
        node: resumed.nodeId,
        selfDeaf: true,
        selfMute: false,
        volume: resumed.volume,
      });
    const { voice } = resumed;
    player.voice = {
      token: voice.token,
      endpoint: voice.endpoint,
      sessionId: voice.sessionId,
      ...(voice.channelId === null ? {} : { channelId: voice.channelId }),
    };
    player.voiceChannelId = voiceChannelId;
    player.connected = voice.connected;
    player.volume = resumed.volume;
    player.lavalinkVolume = resumed.volume;
    player.paused = resumed.paused;
    player.playing = resumed.track !== null && !resumed.paused;
    player.lastPosition = resumed.positionMs;
    player.lastPositionChange = Date.now();
    player.queue.current =
      resumed.track === null ? null : manager.utils.buildTrack(toRawTrack(resumed.track), undefined);
  }

  public async discardResumed(resumed: ResumedPlayer): Promise<void> {
    const node = this.#manager?.nodeManager.nodes.get(resumed.nodeId);
    if (node?.sessionId === undefined || node.sessionId === null) return;
    await node.destroyPlayer(resumed.guildId);
  }

  public async moveToAnotherNode(guildId: string): Promise<boolean> {
    const player = this.#manager?.getPlayer(guildId);
    if (player === undefined) return false;
    const target = this.#leastLoadedNode(player.node.id);
    const { token, endpoint, sessionId, channelId } = player.voice;
    if (target === undefined || token === undefined || endpoint === undefined || sessionId === undefined) {
      return false;
    }
    player.node = target;
    await checked(
      guildId,
      target.updatePlayer({
        guildId,
        playerOptions: {
          voice: { token, endpoint, sessionId, ...(channelId === undefined ? {} : { channelId }) },
        },
      }),
    );
    return true;
  }

  public hasPlayer(guildId: string): boolean {
    return this.#manager?.getPlayer(guildId) !== undefined;
  }

  public async play(guildId: string, request: PlayRequest): Promise<void> {
    const manager = this.#require();
    const player = this.#player(guildId);
    const clientTrack = manager.utils.buildTrack(toRawTrack(request.track), undefined);
    // With a track, lavalink-client answers the node's player update; its declared type is `any`.
    const update = player.play({
      clientTrack,
      position: Math.max(0, Math.round(request.positionMs)),
      paused: request.paused,
      volume: request.volume,
      filters: { ...request.filters },
    }) as unknown;
    await checked(guildId, Promise.resolve(update));
  }

  public async stopTrack(guildId: string): Promise<void> {
    const player = this.#manager?.getPlayer(guildId);
    if (player?.node.sessionId === undefined || player.node.sessionId === null) return;
    player.queue.current = null;
    await checked(
      guildId,
      player.node.updatePlayer({ guildId, playerOptions: { track: { encoded: null } } }),
    );
  }

  public async setPaused(guildId: string, paused: boolean): Promise<void> {
    const player = this.#player(guildId);
    const positionMs = this.position(guildId) ?? 0;
    try {
      await checked(guildId, player.node.updatePlayer({ guildId, playerOptions: { paused } }));
    } catch (error) {
      // lavalink-client takes the change before sending it: undo it, the node did not pause.
      player.paused = !paused;
      player.playing = paused;
      throw error;
    }
    // The estimate stops at the pause and runs again from the resume (see position()).
    player.lastPosition = positionMs;
    player.lastPositionChange = Date.now();
  }

  public async seek(guildId: string, positionMs: number): Promise<void> {
    const player = this.#player(guildId);
    player.lastPosition = positionMs;
    player.lastPositionChange = Date.now();
    await checked(
      guildId,
      player.node.updatePlayer({ guildId, playerOptions: { position: Math.round(positionMs) } }),
    );
  }

  public async setVolume(guildId: string, volume: number): Promise<void> {
    const player = this.#player(guildId);
    player.volume = volume;
    player.lavalinkVolume = volume;
    await checked(guildId, player.node.updatePlayer({ guildId, playerOptions: { volume } }));
  }

  public position(guildId: string): number | undefined {
    const player = this.#manager?.getPlayer(guildId);
    if (player === undefined) return undefined;
    // lavalink-client's estimate adds the time since the node's last report even while paused.
    return Math.max(0, Math.round(player.paused ? player.lastPosition : player.position));
  }

  public nodeOf(guildId: string): string | undefined {
    return this.#manager?.getPlayer(guildId)?.node.id;
  }

  public async forwardVoice(packet: VoicePacket): Promise<void> {
    const manager = this.#manager;
    if (manager === undefined) return;
    if (packet.kind === 'server') {
      await manager.sendRawData({
        t: 'VOICE_SERVER_UPDATE',
        d: { guild_id: packet.guildId, token: packet.token, endpoint: packet.endpoint ?? '' },
      });
      return;
    }
    // lavalink-client's `VoiceState` type models a different shape than the raw dispatch it reads at run time.
    await manager.sendRawData({
      t: 'VOICE_STATE_UPDATE',
      d: {
        guild_id: packet.guildId,
        user_id: packet.userId,
        channel_id: packet.channelId,
        session_id: packet.sessionId,
        deaf: packet.serverDeaf,
        mute: packet.serverMute,
        self_deaf: packet.selfDeaf,
        self_mute: packet.selfMute,
        self_video: false,
        suppress: packet.suppress,
        request_to_speak_timestamp: null,
      },
    } as unknown as Parameters<LavalinkManager['sendRawData']>[0]);
  }

  public nodes(): readonly NodeHealth[] {
    const players = this.#playersPerNode();
    return [...(this.#manager?.nodeManager.nodes.values() ?? [])].map((node) => ({
      id: node.id,
      connected: node.connected,
      // Counted here, not from the node's stats (sent once a minute): right after a move, it is exact.
      players: players.get(node.id) ?? 0,
      playingPlayers: node.stats.playingPlayers,
      frameDeficit: node.stats.frameStats?.deficit ?? 0,
    }));
  }

  #playersPerNode(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const player of this.#manager?.players.values() ?? []) {
      counts.set(player.node.id, (counts.get(player.node.id) ?? 0) + 1);
    }
    return counts;
  }

  /** The connected node with the fewest of this service's players (other than `excludedId`). */
  #leastLoadedNode(excludedId?: string): LavalinkNode | undefined {
    const counts = this.#playersPerNode();
    let best: LavalinkNode | undefined;
    for (const node of this.#manager?.nodeManager.nodes.values() ?? []) {
      if (!node.connected || node.sessionId === null || node.id === excludedId) continue;
      if (best === undefined || (counts.get(node.id) ?? 0) < (counts.get(best.id) ?? 0)) best = node;
    }
    return best;
  }

  /** A node session is ready: with resuming on, enable it for this session and record the session id. */
  #onReady(node: LavalinkNode, sessionId: string, resumed: boolean): void {
    const { resume, logger } = this.#options;
    logger.info({ node: node.id, resumed }, 'audio node session ready');
    if (resume === undefined) return;
    // lavalink-client takes the session id from this message right after emitting it.
    void Promise.resolve()
      .then(() => node.updateSession(true, resume.timeoutS))
      .then(() => resume.store.save(node.id, sessionId))
      .catch((error: unknown) =>
        logger.warn({ err: error, node: node.id }, 'could not enable resuming on the audio node'),
      );
  }

  #emit(event: BackendEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  #require(): LavalinkManager {
    if (this.#manager === undefined) throw new Error('the audio backend is not started');
    return this.#manager;
  }

  #player(guildId: string): Player {
    const player = this.#require().getPlayer(guildId);
    if (player === undefined) throw new Error(`no player for guild ${guildId}`);
    return player;
  }
}
