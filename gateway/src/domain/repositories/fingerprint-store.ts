/** Remembers which command set was registered where, so a restart registers only after a change. */
export interface FingerprintStore {
  /** The fingerprint recorded for `scope`, or undefined. */
  read(scope: string): Promise<string | undefined>;
  write(scope: string, fingerprint: string): Promise<void>;
}
