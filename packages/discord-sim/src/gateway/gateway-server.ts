import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@discord-bot/logger';
import { WebSocketServer } from 'ws';
import { API_VERSION, type SimulatorLimits } from '../constants.js';
import type { JsonObject, SimApplication } from '../model/entities.js';
import { guildCreateJson, userJson } from '../model/serialize.js';
import type { SimStore } from '../model/sim-store.js';
import { shardOf } from '../model/snowflake.js';
import type { VoiceService } from '../model/voice-service.js';
import { Dispatcher } from './dispatcher.js';
import { GatewayConnection, type ConnectionHost } from './gateway-connection.js';
import { guildMembersChunk } from './guild-members-chunk.js';
import { Intent, VALID_INTENTS, shapeForSession } from './intents.js';
import { GatewayClose, GatewayOp, type GatewayCloseReason } from './opcodes.js';
import { GatewaySession } from './session.js';

export interface GatewayServerDeps {
  readonly store: SimStore;
  readonly limits: SimulatorLimits;
  readonly logger: Logger;
  applicationFor(token: string): SimApplication;
  voice(): VoiceService;
  /** The URL clients resume on (`resume_gateway_url`). */
  gatewayUrl(): string;
}

/** Slack for clock and network jitter when judging the identify rate (a client waits from its own send). */
const IDENTIFY_JITTER_MS = 250;

/** The main gateway: sessions, IDENTIFY/RESUME, op 4 and 8, and the gateway faults. */
export class GatewayServer implements ConnectionHost {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  private readonly sessions = new Map<string, GatewaySession>();
  private readonly connections = new Set<GatewayConnection>();
  private readonly identifiesToday = new Map<string, number>();
  private readonly lastIdentifyAt = new Map<string, number>();
  public readonly dispatcher: Dispatcher;

  public constructor(private readonly deps: GatewayServerDeps) {
    this.dispatcher = new Dispatcher(deps.store, () => this.liveSessions());
  }

  /** Accepts an HTTP upgrade on the gateway path (`?v=10&encoding=json`). */
  public upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new GatewayConnection(ws, this, this.deps.limits);
      this.connections.add(connection);
      const version = url.searchParams.get('v');
      if (version !== null && version !== String(API_VERSION))
        connection.close(GatewayClose.InvalidApiVersion);
      const encoding = url.searchParams.get('encoding');
      if (encoding !== null && encoding !== 'json') connection.close(GatewayClose.DecodeError);
    });
  }

  public sessionStartsRemaining(applicationId: string): number {
    return Math.max(0, this.deps.limits.sessionStartLimit - (this.identifiesToday.get(applicationId) ?? 0));
  }

  /**
   * IDENTIFY: a new session (READY, then GUILD_CREATE per guild of the shard), a close reason, or null
   * for INVALID_SESSION when the identify rate (`max_concurrency` per 5 s) was exceeded.
   */
  public identify(
    connection: GatewayConnection,
    data: JsonObject,
  ): GatewaySession | GatewayCloseReason | null {
    const token = typeof data['token'] === 'string' ? data['token'].replace(/^Bot\s+/i, '') : '';
    if (token.length === 0) return GatewayClose.AuthenticationFailed;
    const intents = data['intents'];
    if (typeof intents !== 'number' || !Number.isInteger(intents) || (intents & ~VALID_INTENTS) !== 0) {
      return GatewayClose.InvalidIntents;
    }
    const shard = Array.isArray(data['shard']) ? (data['shard'] as unknown[]) : [0, 1];
    const [shardId, shardCount] = shard;
    if (
      typeof shardId !== 'number' ||
      typeof shardCount !== 'number' ||
      !Number.isInteger(shardId) ||
      shardCount < 1 ||
      shardId < 0 ||
      shardId >= shardCount
    ) {
      return GatewayClose.InvalidShard;
    }
    const app = this.deps.applicationFor(token);
    const { store } = this.deps;
    const guildIds = store.guildsOf(app.botUserId).filter((id) => shardOf(id, shardCount) === shardId);
    if (guildIds.length > this.deps.limits.guildsPerShard) return GatewayClose.ShardingRequired;
    const rateKey = `${app.id}:${shardId % this.deps.limits.maxConcurrency}`;
    const now = Date.now();
    const last = this.lastIdentifyAt.get(rateKey);
    if (last !== undefined && now - last < this.deps.limits.identifyWindowMs - IDENTIFY_JITTER_MS)
      return null;
    this.lastIdentifyAt.set(rateKey, now);
    this.identifiesToday.set(app.id, (this.identifiesToday.get(app.id) ?? 0) + 1);
    const session = new GatewaySession(
      randomBytes(16).toString('hex'),
      app,
      shardId,
      shardCount,
      intents,
      this.deps.limits.sessionReplayBuffer,
    );
    this.sessions.set(session.id, session);
    session.attach(connection);
    const bot = store.users.get(app.botUserId);
    session.dispatch('READY', {
      v: API_VERSION,
      user:
        bot === undefined
          ? { id: app.botUserId }
          : { ...userJson(bot), verified: true, mfa_enabled: false, flags: 0 },
      guilds: guildIds.map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.deps.gatewayUrl(),
      shard: [shardId, shardCount],
      application: { id: app.id, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['simulator'],
      user_settings: {},
      _trace: ['["discord-sim",{"micros":0}]'],
    });
    if ((intents & Intent.Guilds) !== 0) {
      for (const id of guildIds) {
        const payload = guildCreateJson(store, id, true);
        session.dispatch('GUILD_CREATE', shapeForSession(intents, app.botUserId, 'GUILD_CREATE', payload));
      }
    }
    this.deps.logger.info(
      { applicationId: app.id, sessionId: session.id, shard: [shardId, shardCount], guilds: guildIds.length },
      'bot identified',
    );
    return session;
  }

  public resume(connection: GatewayConnection, data: JsonObject): GatewaySession | null {
    this.expireSessions();
    const session = this.sessions.get(String(data['session_id']));
    const token = typeof data['token'] === 'string' ? data['token'].replace(/^Bot\s+/i, '') : '';
    const seq = typeof data['seq'] === 'number' ? data['seq'] : -1;
    if (session === undefined || session.app.token !== token) return null;
    const missed = session.missedSince(seq);
    if (missed === null) {
      this.sessions.delete(session.id);
      return null;
    }
    for (const stale of this.connections) {
      if (stale.session === session && stale !== connection) {
        stale.session = null;
        stale.drop();
      }
    }
    session.attach(connection);
    this.deps.logger.info({ sessionId: session.id, replayed: missed.length }, 'bot resumed');
    for (const text of missed) connection.send(text);
    session.dispatch('RESUMED', {});
    return session;
  }

  public voiceStateUpdate(session: GatewaySession, data: JsonObject): void {
    const guildId = data['guild_id'];
    const channelId = data['channel_id'];
    if (typeof guildId !== 'string' || (channelId !== null && typeof channelId !== 'string')) return;
    const result = this.deps.voice().fromGateway(
      {
        guildId,
        userId: session.app.botUserId,
        channelId,
        ...(typeof data['self_mute'] === 'boolean' ? { selfMute: data['self_mute'] } : {}),
        ...(typeof data['self_deaf'] === 'boolean' ? { selfDeaf: data['self_deaf'] } : {}),
      },
      session.id,
    );
    if (result.ok) this.deps.logger.info({ guildId, channelId }, 'bot voice state update');
    else this.deps.logger.info({ guildId, reason: result.error.message }, 'bot voice state update ignored');
  }

  public requestGuildMembers(session: GatewaySession, data: JsonObject): void {
    const chunk = guildMembersChunk(this.deps.store, session.app.botUserId, data);
    if (chunk !== null) session.dispatch('GUILD_MEMBERS_CHUNK', chunk);
  }

  public closed(connection: GatewayConnection, code: number): void {
    this.connections.delete(connection);
    const session = connection.session;
    if (session === null) return;
    this.deps.logger.info({ sessionId: session.id, code }, 'bot gateway connection closed');
    session.detach(connection);
    if (code === 1000 || code === 1001) this.sessions.delete(session.id);
  }

  /** Fault: every bot connection drops (abruptly, or with `code`); sessions stay resumable. */
  public disconnectAll(code?: number): number {
    const live = [...this.connections];
    for (const connection of live) {
      if (code === undefined) connection.drop();
      else connection.close({ code, reason: 'Simulated disconnect' });
    }
    return live.length;
  }

  /** Fault: op 7 RECONNECT to every connection. */
  public reconnectAll(): number {
    for (const connection of this.connections) connection.sendOp(GatewayOp.Reconnect, null);
    return this.connections.size;
  }

  /**
   * Fault: op 9 INVALID_SESSION to every authenticated connection. Either way the socket is no longer
   * authenticated, so the client may RESUME or IDENTIFY on it, as after a failed attempt on Discord; a
   * resumable session keeps buffering for that RESUME, a non-resumable one is forgotten.
   */
  public invalidateAll(resumable: boolean): number {
    let count = 0;
    for (const connection of this.connections) {
      const session = connection.session;
      if (session === null) continue;
      count += 1;
      session.detach(connection);
      connection.session = null;
      if (!resumable) this.sessions.delete(session.id);
      connection.sendOp(GatewayOp.InvalidSession, resumable);
    }
    return count;
  }

  /** Sessions with a connected socket or still inside the resume window. */
  public liveSessions(): GatewaySession[] {
    this.expireSessions();
    return [...this.sessions.values()];
  }

  public async stop(): Promise<void> {
    for (const connection of this.connections) connection.drop();
    this.connections.clear();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private expireSessions(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) {
      const gone = session.disconnectedAtMs;
      if (gone !== null && now - gone > this.deps.limits.sessionResumeWindowMs) this.sessions.delete(id);
    }
  }
}
