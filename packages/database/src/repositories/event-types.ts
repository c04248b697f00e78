/** An event to append. */
export interface NewDomainEvent {
  readonly type: string;
  readonly data: unknown;
  /** Correlation id, causation id, actor and the like. */
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** An event as stored. */
export interface RecordedDomainEvent {
  /** Global order of recording (gaps possible). */
  readonly position: number;
  readonly streamId: string;
  /** 1 for the first event of a stream. */
  readonly version: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly recordedAt: Date;
}

/** What an accepted append wrote. */
export interface AppendResult {
  /** The stream's version after the append (pass it as `expectedVersion` next time). */
  readonly version: number;
  readonly positions: readonly number[];
}
