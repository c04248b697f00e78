import type { LavalinkNodeConfig } from '@discord-bot/config';
import type { Logger } from '@discord-bot/logger';
import {
  LavalinkManager,
  type GuildShardPayload,
  type LavalinkNodeOptions,
  type LavalinkTrack,
  type Player,
} from 'lavalink-client';
import type { AudioBackend, NodeHealth, PlayRequest, VoicePacket } from './audio-backend.js';
import { toBackendEvent, type BackendEvent, type BackendListener } from './backend-events.js';
import { parseLoadResult, type LoadOutcome } from './load-outcome.js';

/** Options of {@link LavalinkBackend}. */
export interface LavalinkBackendOptions {
  readonly nodes: readonly LavalinkNodeConfig[];
  /** Sends a gateway payload (op 4) on the guild's shard: the gateway does it for us. */
  readonly sendToShard: (guildId: string, payload: { op: number; d: Record<string, unknown> }) => void;
  readonly logger: Logger;
  /** Node reconnect attempts before a node counts as gone, and the pause between them. */
  readonly nodeRetryAmount: number;
  readonly nodeRetryDelayMs: number;
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
    retryAmount: options.nodeRetryAmount,
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

  public async start(botUserId: string): Promise<void> {
    const options = this.#options;
    const manager = new LavalinkManager({
      nodes: options.nodes.map((node) => nodeOptions(node, options)),
      client: { id: botUserId, username: 'discord-bot' },
      sendToShard: (guildId: string, payload: GuildShardPayload) =>
        options.sendToShard(guildId, { op: payload.op, d: { ...payload.d } }),
      autoSkip: false,
      autoMove: options.nodes.length > 1,
      playerOptions: {
        onDisconnect: { destroyPlayer: false, autoReconnect: false },
        useUnresolvedData: false,
      },
      queueOptions: { maxPreviousTracks: 1 },
    });
    this.#manager = manager;
    const nodeManager = manager.nodeManager;
    nodeManager.on('raw', (_node, payload) => {
      const event = toBackendEvent(payload);
      if (event !== undefined) this.#emit(event);
    });
    nodeManager.on('connect', (node) => this.#emit({ type: 'nodeUp', nodeId: node.id }));
    nodeManager.on('disconnect', (node) => this.#emit({ type: 'nodeDown', nodeId: node.id }));
    nodeManager.on('destroy', (node) => this.#emit({ type: 'nodeDown', nodeId: node.id }));
    nodeManager.on('error', (node, error) =>
      options.logger.warn({ node: node.id, err: error }, 'audio node connection error'),
    );
    const connected = new Promise<void>((resolve) => nodeManager.once('connect', () => resolve()));
    await manager.init({ id: botUserId, username: 'discord-bot' });
    await connected;
  }

  public async close(): Promise<void> {
    const manager = this.#manager;
    if (manager === undefined) return;
    this.#manager = undefined;
    // Players stay on the nodes (and in Discord voice): the next start restores them from the database.
    for (const node of [...manager.nodeManager.nodes.values()]) node.destroy('audio service stopping', false);
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
    const player =
      existing ??
      manager.createPlayer({ guildId, voiceChannelId, selfDeaf: true, selfMute: false, volume: 100 });
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

  public hasPlayer(guildId: string): boolean {
    return this.#manager?.getPlayer(guildId) !== undefined;
  }

  public async play(guildId: string, request: PlayRequest): Promise<void> {
    const manager = this.#require();
    const player = this.#player(guildId);
    const raw: LavalinkTrack = {
      encoded: request.track.encoded,
      info: { ...request.track.info, isrc: request.track.info.isrc ?? null },
      pluginInfo: { ...request.track.pluginInfo },
      userData: {},
    } as LavalinkTrack;
    const clientTrack = manager.utils.buildTrack(raw, undefined);
    await player.play({
      clientTrack,
      position: Math.max(0, Math.round(request.positionMs)),
      paused: request.paused,
      volume: request.volume,
      filters: { ...request.filters },
    });
  }

  public async stopTrack(guildId: string): Promise<void> {
    const player = this.#manager?.getPlayer(guildId);
    if (player?.node.sessionId === undefined || player.node.sessionId === null) return;
    player.queue.current = null;
    await player.node.updatePlayer({ guildId, playerOptions: { track: { encoded: null } } });
  }

  public async setPaused(guildId: string, paused: boolean): Promise<void> {
    const player = this.#player(guildId);
    await player.node.updatePlayer({ guildId, playerOptions: { paused } });
  }

  public async seek(guildId: string, positionMs: number): Promise<void> {
    const player = this.#player(guildId);
    player.lastPosition = positionMs;
    player.lastPositionChange = Date.now();
    await player.node.updatePlayer({ guildId, playerOptions: { position: Math.round(positionMs) } });
  }

  public async setVolume(guildId: string, volume: number): Promise<void> {
    const player = this.#player(guildId);
    player.volume = volume;
    player.lavalinkVolume = volume;
    await player.node.updatePlayer({ guildId, playerOptions: { volume } });
  }

  public position(guildId: string): number | undefined {
    const player = this.#manager?.getPlayer(guildId);
    return player === undefined ? undefined : Math.max(0, Math.round(player.position));
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
    return [...(this.#manager?.nodeManager.nodes.values() ?? [])].map((node) => ({
      id: node.id,
      connected: node.connected,
      players: node.stats.players,
      playingPlayers: node.stats.playingPlayers,
      frameDeficit: node.stats.frameStats?.deficit ?? 0,
    }));
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
