/**
 * Where the audio service keeps the Lavalink session id of each node it connects to, so that the next
 * process (after a restart or a crash) resumes the session: the node kept playing meanwhile, and the players
 * are handed back instead of being rebuilt.
 */
export interface NodeSessionStore {
  /**
   * The session of `nodeId` a previous process left behind, claimed for this one (no other process resumes
   * it), or undefined when there is none to resume.
   */
  take(nodeId: string): Promise<string | undefined>;
  /** Records this process's current session on `nodeId` (called on every `ready`). */
  save(nodeId: string, sessionId: string): Promise<void>;
  /** Stops keeping the records alive (they expire with the node's resume timeout). */
  close(): Promise<void>;
}

/** Sessions kept in memory: nothing survives the process, so a restart never resumes (no shared store). */
export class InMemoryNodeSessionStore implements NodeSessionStore {
  readonly #sessions = new Map<string, string>();

  public take(nodeId: string): Promise<string | undefined> {
    const sessionId = this.#sessions.get(nodeId);
    this.#sessions.delete(nodeId);
    return Promise.resolve(sessionId);
  }

  public save(nodeId: string, sessionId: string): Promise<void> {
    this.#sessions.set(nodeId, sessionId);
    return Promise.resolve();
  }

  public close(): Promise<void> {
    return Promise.resolve();
  }
}
