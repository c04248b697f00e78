import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from '@discord-bot/logger';
import type { NodeSessionStore } from '../lavalink/node-session-store.js';

/** File in DATA_DIR holding the node sessions of the one audio process of a deployment without Redis. */
export const NODE_SESSIONS_FILE = 'audio-node-sessions.json';

interface SavedSession {
  readonly sessionId: string;
  /** Epoch ms of the last save: a session older than the node's resume timeout is gone on the node too. */
  readonly savedAt: number;
}

export interface FileNodeSessionStoreOptions {
  readonly dataDir: string;
  /** How long a node keeps a session it may resume (the timeout the service asks for). */
  readonly resumeTimeoutMs: number;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * Node sessions kept in a JSON file in DATA_DIR, for deployments without Redis: there is exactly one audio
 * process then (single-node, or one audio service with its own Lavalink nodes), so the next start of that
 * process is the only one that can take the session and no claim between replicas is needed. Writes go to a
 * temporary file renamed over the old one, so a crash mid-write never leaves a torn file; an unreadable file
 * is treated as empty (the database restore takes over).
 */
export class FileNodeSessionStore implements NodeSessionStore {
  readonly #path: string;
  readonly #options: FileNodeSessionStoreOptions;
  readonly #now: () => number;
  /** Serialises read-modify-write cycles of this process. */
  #queue: Promise<unknown> = Promise.resolve();

  public constructor(options: FileNodeSessionStoreOptions) {
    this.#options = options;
    this.#path = join(options.dataDir, NODE_SESSIONS_FILE);
    this.#now = options.now ?? Date.now;
  }

  public take(nodeId: string): Promise<string | undefined> {
    return this.#update((sessions) => {
      const saved = sessions[nodeId];
      delete sessions[nodeId];
      if (saved === undefined || this.#now() - saved.savedAt > this.#options.resumeTimeoutMs)
        return undefined;
      return saved.sessionId;
    });
  }

  public async save(nodeId: string, sessionId: string): Promise<void> {
    await this.#update((sessions) => {
      sessions[nodeId] = { sessionId, savedAt: this.#now() };
    });
  }

  public async close(): Promise<void> {
    await this.#queue;
  }

  #update<T>(change: (sessions: Record<string, SavedSession>) => T): Promise<T> {
    const next = this.#queue.then(async () => {
      const sessions = await this.#read();
      const result = change(sessions);
      await this.#write(sessions);
      return result;
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #read(): Promise<Record<string, SavedSession>> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch {
      return {};
    }
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      const sessions: Record<string, SavedSession> = {};
      for (const [nodeId, value] of Object.entries(parsed as Record<string, unknown>)) {
        const { sessionId, savedAt } = (value ?? {}) as Partial<SavedSession>;
        if (typeof sessionId === 'string' && typeof savedAt === 'number')
          sessions[nodeId] = { sessionId, savedAt };
      }
      return sessions;
    } catch (error) {
      this.#options.logger.warn(
        { err: error, path: this.#path },
        'node session file unreadable: starting fresh',
      );
      return {};
    }
  }

  async #write(sessions: Record<string, SavedSession>): Promise<void> {
    await mkdir(dirname(this.#path), { recursive: true });
    const temporary = `${this.#path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(sessions)}\n`, { mode: 0o600 });
    await rename(temporary, this.#path);
  }
}
