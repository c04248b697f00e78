import type { AudioEngine } from '../engine/engine-contract.js';
import { Session } from './session.js';

/** All sessions of the node, connected or paused. */
export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  public constructor(private readonly engine: AudioEngine) {}

  public create(userId: string, clientName: string): Session {
    const session = new Session(userId, clientName, this.engine);
    this.sessions.set(session.id, session);
    return session;
  }

  /** A session REST may use: known and not paused (Lavalink answers 404 for a paused one). */
  public getActive(id: string): Session | undefined {
    const session = this.sessions.get(id);
    return session === undefined || session.paused ? undefined : session;
  }

  /** A session with resuming on that `userId` may resume (paused, or still attached to a dying socket). */
  public getResumable(id: string, userId: string): Session | undefined {
    const session = this.sessions.get(id);
    return session !== undefined && session.resuming && session.userId === userId ? session : undefined;
  }

  public end(session: Session, code?: number, reason?: string): void {
    this.sessions.delete(session.id);
    session.destroy(code, reason);
  }

  public all(): IterableIterator<Session> {
    return this.sessions.values();
  }

  public playerCounts(): { players: number; playing: number } {
    let players = 0;
    let playing = 0;
    for (const session of this.sessions.values()) {
      for (const player of session.players.values()) {
        players++;
        if (player.isPlaying) playing++;
      }
    }
    return { players, playing };
  }

  /** Ends every session (shutdown), telling connected clients with `code`. */
  public endAll(code: number, reason: string): void {
    for (const session of [...this.sessions.values()]) this.end(session, code, reason);
  }
}
