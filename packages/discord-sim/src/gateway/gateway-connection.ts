import type { WebSocket } from 'ws';
import type { SimulatorLimits } from '../constants.js';
import type { JsonObject } from '../model/entities.js';
import { GatewayClose, GatewayOp, type GatewayCloseReason } from './opcodes.js';
import { SendBudget } from './send-budget.js';
import type { GatewaySession, SessionSocket } from './session.js';

/** What a connection asks of the gateway once a payload is understood. */
export interface ConnectionHost {
  /** The new session, a close reason, or null for INVALID_SESSION (identify rate exceeded). */
  identify(connection: GatewayConnection, data: JsonObject): GatewaySession | GatewayCloseReason | null;
  /** The resumed session (its missed dispatches already replayed), or null for INVALID_SESSION. */
  resume(connection: GatewayConnection, data: JsonObject): GatewaySession | null;
  voiceStateUpdate(session: GatewaySession, data: JsonObject): void;
  requestGuildMembers(session: GatewaySession, data: JsonObject): void;
  closed(connection: GatewayConnection, code: number): void;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One client socket: HELLO, heartbeats, the send budget, payload checks and opcode routing. */
export class GatewayConnection implements SessionSocket {
  public session: GatewaySession | null = null;
  private readonly budget: SendBudget;
  private lastHeartbeatMs = Date.now();
  private readonly zombieTimer: NodeJS.Timeout;
  private closing = false;

  public constructor(
    private readonly socket: WebSocket,
    private readonly host: ConnectionHost,
    private readonly limits: SimulatorLimits,
  ) {
    this.budget = new SendBudget(limits.gatewaySendsPerWindow, limits.gatewaySendWindowMs);
    socket.on('message', (raw, isBinary) => this.onMessage(raw as Buffer, isBinary));
    socket.on('close', (code) => {
      clearInterval(this.zombieTimer);
      this.host.closed(this, code);
    });
    socket.on('error', () => socket.terminate());
    this.zombieTimer = setInterval(() => this.checkAlive(), limits.heartbeatIntervalMs).unref();
    this.sendOp(GatewayOp.Hello, { heartbeat_interval: limits.heartbeatIntervalMs });
  }

  public get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN && !this.closing;
  }

  public send(text: string): void {
    if (this.isOpen) this.socket.send(text);
  }

  public sendOp(op: number, d: unknown): void {
    this.send(JSON.stringify({ op, d, s: null, t: null }));
  }

  public close(reason: GatewayCloseReason | { code: number; reason: string }): void {
    if (this.closing) return;
    this.closing = true;
    this.socket.close(reason.code, reason.reason);
  }

  /** Drops the TCP connection without a close frame, as a network failure does (client sees 1006). */
  public drop(): void {
    this.closing = true;
    this.socket.terminate();
  }

  private checkAlive(): void {
    if (Date.now() - this.lastHeartbeatMs > this.limits.heartbeatIntervalMs * 2)
      this.close(GatewayClose.SessionTimedOut);
  }

  private onMessage(raw: Buffer, isBinary: boolean): void {
    if (this.closing) return;
    if (!this.budget.take()) return this.close(GatewayClose.RateLimited);
    if (isBinary || raw.length > this.limits.gatewayMaxPayloadBytes)
      return this.close(GatewayClose.DecodeError);
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      return this.close(GatewayClose.DecodeError);
    }
    if (!isObject(payload) || typeof payload['op'] !== 'number') return this.close(GatewayClose.DecodeError);
    this.route(payload['op'], payload['d']);
  }

  private route(op: number, d: unknown): void {
    const data = isObject(d) ? d : {};
    switch (op) {
      case GatewayOp.Heartbeat:
        this.lastHeartbeatMs = Date.now();
        this.sendOp(GatewayOp.HeartbeatAck, null);
        return;
      case GatewayOp.Identify: {
        if (this.session !== null) return this.close(GatewayClose.AlreadyAuthenticated);
        const result = this.host.identify(this, data);
        if (result === null) return this.sendOp(GatewayOp.InvalidSession, false);
        if ('code' in result) return this.close(result);
        this.session = result;
        return;
      }
      case GatewayOp.Resume: {
        if (this.session !== null) return this.close(GatewayClose.AlreadyAuthenticated);
        const session = this.host.resume(this, data);
        if (session === null) this.sendOp(GatewayOp.InvalidSession, false);
        else this.session = session;
        return;
      }
      case GatewayOp.PresenceUpdate:
      case GatewayOp.VoiceStateUpdate:
      case GatewayOp.RequestGuildMembers: {
        if (this.session === null) return this.close(GatewayClose.NotAuthenticated);
        if (!isObject(d)) return this.close(GatewayClose.DecodeError);
        if (op === GatewayOp.VoiceStateUpdate) this.host.voiceStateUpdate(this.session, data);
        if (op === GatewayOp.RequestGuildMembers) this.host.requestGuildMembers(this.session, data);
        return;
      }
      default:
        this.close(GatewayClose.UnknownOpcode);
    }
  }
}
