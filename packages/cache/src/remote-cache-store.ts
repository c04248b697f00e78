/** Stops listening for invalidations. */
export type StopListening = () => Promise<void>;

/**
 * The shared tier behind the in-memory one: Redis in a deployment, {@link MapRemoteCacheStore} in tests and
 * tools. Values are opaque strings; the cache encodes them.
 */
export interface RemoteCacheStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Tells every process the key changed (after a set or delete) so it drops its in-memory copy. */
  announce(key: string, origin: string): Promise<void>;
  /** Calls `listener` for every announced key, with the id of the process that announced it. */
  listen(listener: (key: string, origin: string) => void): Promise<StopListening>;
  close(): Promise<void>;
}
