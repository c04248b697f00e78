/**
 * A client session (one WebSocket connection, or a paused one awaiting resume). Owns the session's players.
 * While paused with resuming enabled, events are queued and replayed on resume; otherwise they are dropped.
 */
import { randomInt } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { AudioEngine } from '../engine/engine-contract.js';
import { Player, type PlayerSink } from '../players/player.js';

/** Events kept for a paused session; older ones are dropped first. */
export const MAX_QUEUED_EVENTS = 1_000;
export const DEFAULT_RESUME_TIMEOUT_S = 60;
const SESSION_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newSessionId(): string {
  let id = '';
  for (let i = 0; i < 16; i++) id += SESSION_ID_ALPHABET[randomInt(SESSION_ID_ALPHABET.length)];
  return id;
}

export class Session implements PlayerSink {
  public readonly id = newSessionId();
  public readonly players = new Map<string, Player>();
  public resuming = false;
  public timeoutSeconds = DEFAULT_RESUME_TIMEOUT_S;
  private socket: WebSocket | null = null;
  private readonly queue: Record<string, unknown>[] = [];
  private expiry: NodeJS.Timeout | null = null;

  public constructor(
    public readonly userId: string,
    public readonly clientName: string,
    private readonly engine: AudioEngine,
  ) {}

  /** Paused = the socket closed and the session waits for a resume. */
  public get paused(): boolean {
    return this.socket === null;
  }

  public send(message: Record<string, unknown>): void {
    if (this.socket !== null && this.socket.readyState === this.socket.OPEN) {
      this.socket.send(JSON.stringify(message));
      return;
    }
    // Paused, or the socket is already closing (its close event is still to come): keep events for a resume.
    if (this.resuming && message.op === 'event') {
      this.queue.push(message);
      if (this.queue.length > MAX_QUEUED_EVENTS) this.queue.shift();
    }
  }

  /** Whether `socket` is this session's current socket (a replaced or destroyed one is not). */
  public owns(socket: WebSocket): boolean {
    return this.socket === socket;
  }

  /**
   * Attaches a (new) socket; on resume replays queued events, then one `playerUpdate` per player. A resume
   * may arrive before the server noticed the old connection die (a half-open TCP connection): the old
   * socket is then closed and replaced.
   */
  public attach(socket: WebSocket, resumed: boolean): void {
    if (this.expiry !== null) clearTimeout(this.expiry);
    this.expiry = null;
    const previous = this.socket;
    this.socket = socket;
    previous?.close(1000, 'Session resumed on another connection');
    this.send({ op: 'ready', resumed, sessionId: this.id });
    if (!resumed) return;
    for (const message of this.queue.splice(0)) this.send(message);
    for (const player of this.players.values()) player.sendUpdate();
  }

  /** The socket closed: pause for `timeoutSeconds` when resuming is on, else end now (calls `onEnd`). */
  public detach(onEnd: () => void): void {
    this.socket = null;
    if (!this.resuming) {
      onEnd();
      return;
    }
    this.expiry = setTimeout(onEnd, this.timeoutSeconds * 1000);
    this.expiry.unref();
  }

  public getOrCreatePlayer(guildId: string): Player {
    let player = this.players.get(guildId);
    if (player === undefined) {
      player = new Player(guildId, this, this.engine.createPlayer(guildId, this.userId));
      this.players.set(guildId, player);
    }
    return player;
  }

  public destroyPlayer(guildId: string): boolean {
    const player = this.players.get(guildId);
    if (player === undefined) return false;
    player.destroy();
    this.players.delete(guildId);
    return true;
  }

  /**
   * Destroys every player and, if still open, closes the socket with `code`. A connected client (shutdown)
   * first gets each player's position: lavalink-client's autoMove resumes a player on another node at the
   * last position it was told, which is otherwise up to a playerUpdate interval (5 s) old.
   */
  public destroy(code = 1000, reason = ''): void {
    if (this.expiry !== null) clearTimeout(this.expiry);
    this.expiry = null;
    if (!this.paused) for (const player of this.players.values()) player.sendUpdate();
    for (const guildId of [...this.players.keys()]) this.destroyPlayer(guildId);
    this.queue.length = 0;
    const socket = this.socket;
    this.socket = null;
    socket?.close(code, reason);
  }
}
