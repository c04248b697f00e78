import { randomBytes, randomInt } from 'node:crypto';
import { AudioStreamMonitor } from './audio-stream-monitor.js';
import { createOpusFrameDecoder } from './create-opus-frame-decoder.js';
import type { OpusFrameDecoder } from './opus-frame-decoder.js';
import { VoiceCloseCode } from './voice-protocol.js';
import { VoiceSession } from './voice-session.js';

const TOKEN_BYTES = 16;
const MAX_SSRC = 2 ** 32 - 1;

/** What `allocate()` receives from the main gateway when a bot joins or moves. */
export interface VoiceSessionRequest {
  readonly guildId: string;
  readonly userId: string;
  readonly sessionId: string;
  readonly channelId: string;
}

const keyOf = (guildId: string, userId: string): string => `${guildId}:${userId}`;

/**
 * The voice sessions the main gateway allocated, by guild and user and by SSRC, plus each connection's audio
 * history, which outlives its sessions so a test can still read what was heard after the bot left.
 */
export class VoiceSessionRegistry {
  private readonly sessions = new Map<string, VoiceSession>();
  private readonly bySsrc = new Map<number, VoiceSession>();
  private readonly monitorsByGuild = new Map<string, Map<string, AudioStreamMonitor>>();

  public constructor(
    private readonly now: () => number = Date.now,
    private readonly createDecoder: () => OpusFrameDecoder | null = createOpusFrameDecoder,
  ) {}

  /**
   * The session the bot will identify with. A move within the guild keeps the session (same Discord session
   * id); a new Discord session replaces the old voice session, whose socket closes with 4006.
   */
  public allocate(request: VoiceSessionRequest): VoiceSession {
    const existing = this.find(request.guildId, request.userId);
    if (existing?.sessionId === request.sessionId) {
      existing.channelId = request.channelId;
      return existing;
    }
    if (existing !== undefined) this.end(existing, VoiceCloseCode.SessionNoLongerValid, 'session replaced');
    const session = new VoiceSession(
      request.guildId,
      request.userId,
      request.sessionId,
      randomBytes(TOKEN_BYTES).toString('hex'),
      this.freshSsrc(),
      request.channelId,
      this.monitorOf(request.guildId, request.userId),
      this.now(),
    );
    this.sessions.set(keyOf(request.guildId, request.userId), session);
    this.bySsrc.set(session.ssrc, session);
    return session;
  }

  public find(guildId: string, userId: string): VoiceSession | undefined {
    return this.sessions.get(keyOf(guildId, userId));
  }

  public findBySsrc(ssrc: number): VoiceSession | undefined {
    return this.bySsrc.get(ssrc);
  }

  /** Sessions of `guildId`, or of every guild. */
  public list(guildId?: string): VoiceSession[] {
    const all = [...this.sessions.values()];
    return guildId === undefined ? all : all.filter((session) => session.guildId === guildId);
  }

  /** Audio histories of every bot connection the guild has had. */
  public monitors(guildId: string): AudioStreamMonitor[] {
    return [...(this.monitorsByGuild.get(guildId)?.values() ?? [])];
  }

  /** Ends `session` for good: its socket closes with `code` and it can no longer be identified or resumed. */
  public end(session: VoiceSession, code: number, reason: string): void {
    if (this.sessions.get(keyOf(session.guildId, session.userId)) === session) {
      this.sessions.delete(keyOf(session.guildId, session.userId));
    }
    if (this.bySsrc.get(session.ssrc) === session) this.bySsrc.delete(session.ssrc);
    session.end(code, reason, this.now());
  }

  /** Ends sessions that have had no socket for longer than `maxIdleMs` (never identified, or not resumed). */
  public expireDetached(maxIdleMs: number): void {
    const cutoff = this.now() - maxIdleMs;
    for (const session of this.list()) {
      if (session.detachedAtMs !== null && session.detachedAtMs < cutoff) {
        this.end(session, VoiceCloseCode.SessionTimeout, 'session expired');
      }
    }
  }

  /** Drops audio history past the analysis window for connections that went quiet. */
  public trimAudio(): void {
    for (const guild of this.monitorsByGuild.values()) for (const monitor of guild.values()) monitor.trim();
  }

  /** Ends every session and frees every decoder. */
  public clear(code: number, reason: string): void {
    for (const session of this.list()) this.end(session, code, reason);
    for (const guild of this.monitorsByGuild.values())
      for (const monitor of guild.values()) monitor.endStream();
  }

  private monitorOf(guildId: string, userId: string): AudioStreamMonitor {
    let guild = this.monitorsByGuild.get(guildId);
    if (guild === undefined) {
      guild = new Map();
      this.monitorsByGuild.set(guildId, guild);
    }
    let monitor = guild.get(userId);
    if (monitor === undefined) {
      monitor = new AudioStreamMonitor(this.now, this.createDecoder);
      guild.set(userId, monitor);
    }
    return monitor;
  }

  private freshSsrc(): number {
    for (;;) {
      const ssrc = randomInt(1, MAX_SSRC);
      if (!this.bySsrc.has(ssrc)) return ssrc;
    }
  }
}
