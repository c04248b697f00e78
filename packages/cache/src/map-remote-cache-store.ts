import type { RemoteCacheStore, StopListening } from './remote-cache-store.js';

/**
 * The in-process {@link RemoteCacheStore}: a map with expiry and in-memory announcements. Several caches
 * sharing one instance behave like several processes sharing one Redis.
 */
export class MapRemoteCacheStore implements RemoteCacheStore {
  readonly #entries = new Map<string, { value: string; expiresAt: number }>();
  readonly #listeners = new Set<(key: string, origin: string) => void>();
  readonly #now: () => number;

  /** @param now - clock in ms (tests pass a fake one). */
  public constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  public get(key: string): Promise<string | undefined> {
    const entry = this.#entries.get(key);
    if (entry !== undefined && entry.expiresAt <= this.#now()) this.#entries.delete(key);
    return Promise.resolve(entry !== undefined && entry.expiresAt > this.#now() ? entry.value : undefined);
  }

  public set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
    return Promise.resolve();
  }

  public delete(key: string): Promise<void> {
    this.#entries.delete(key);
    return Promise.resolve();
  }

  public announce(key: string, origin: string): Promise<void> {
    for (const listener of this.#listeners) queueMicrotask(() => listener(key, origin));
    return Promise.resolve();
  }

  public listen(listener: (key: string, origin: string) => void): Promise<StopListening> {
    const wrapped = (key: string, origin: string) => listener(key, origin);
    this.#listeners.add(wrapped);
    return Promise.resolve(() => {
      this.#listeners.delete(wrapped);
      return Promise.resolve();
    });
  }

  public close(): Promise<void> {
    this.#listeners.clear();
    return Promise.resolve();
  }
}
