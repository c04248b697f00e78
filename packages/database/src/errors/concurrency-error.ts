import { AppError } from '@discord-bot/errors';

/**
 * An append to an event stream lost the optimistic-concurrency race: the stream is not at the version the
 * writer read. Reload the stream, decide again, append again.
 */
export class ConcurrencyError extends AppError {
  declare public readonly code: 'DATABASE_CONCURRENCY_CONFLICT';

  public constructor(
    public readonly streamId: string,
    public readonly expectedVersion: number,
    public readonly actualVersion: number | undefined,
    cause?: unknown,
  ) {
    super(
      'DATABASE_CONCURRENCY_CONFLICT',
      `stream ${streamId} is not at version ${expectedVersion}` +
        (actualVersion === undefined ? '' : ` (it is at ${actualVersion})`),
      { cause, details: { streamId, expectedVersion, actualVersion } },
    );
  }
}
