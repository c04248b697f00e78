import { err, ok, type Result } from '@discord-bot/errors';
import { and, asc, eq, gt, gte, max } from 'drizzle-orm';
import { READ_PAGE_LIMIT } from '../constants.js';
import { ConcurrencyError } from '../errors/concurrency-error.js';
import { isUniqueViolation } from '../errors/pg-error.js';
import type { Executor } from '../executor.js';
import { domainEvents } from '../schema/domain-events.js';
import type { AppendResult, NewDomainEvent, RecordedDomainEvent } from './event-types.js';
import { inSavepoint } from './in-savepoint.js';
import { Repository } from './repository.js';

const STREAM_VERSION_CONSTRAINT = 'domain_events_stream_version_unique';

type Row = typeof domainEvents.$inferSelect;

const toEvent = (row: Row): RecordedDomainEvent => ({
  position: row.position,
  streamId: row.streamId,
  version: row.version,
  type: row.type,
  data: row.data ?? null,
  metadata: row.metadata,
  recordedAt: row.recordedAt,
});

async function versionOf(db: Executor, streamId: string): Promise<number> {
  const [row] = await db
    .select({ version: max(domainEvents.version) })
    .from(domainEvents)
    .where(eq(domainEvents.streamId, streamId));
  return row?.version ?? 0;
}

/**
 * The append-only event log, with optimistic concurrency per stream.
 *
 * A writer reads a stream (version n), decides, and appends with `expectedVersion: n`; the events get
 * versions n+1, n+2, ... If anyone appended in between, the unique (stream, version) constraint refuses the
 * insert and the append returns a {@link ConcurrencyError} as a value, with nothing written. The check runs in
 * a savepoint, so a conflict inside a caller's transaction leaves that transaction usable.
 *
 * `position` is a sequence: it orders events globally but may have gaps, and under concurrent writers an
 * event with a lower position can become visible after one with a higher position.
 */
export class DomainEventRepository extends Repository {
  protected readonly name = 'domain_event';

  /** Appends `events` to `streamId`, which must be at `expectedVersion` (0 for a new stream). */
  public append(
    streamId: string,
    expectedVersion: number,
    events: readonly NewDomainEvent[],
  ): Promise<Result<AppendResult, ConcurrencyError>> {
    return this.run('append', async () => {
      if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
        throw new RangeError(`expectedVersion must be a whole number >= 0, got ${expectedVersion}`);
      }
      if (events.length === 0) return ok({ version: expectedVersion, positions: [] });
      const attempt = await inSavepoint(this.db, async (tx) => {
        // Catches a writer that is behind (its insert would leave a gap); the unique constraint catches
        // the race between writers that read the same version.
        const current = await versionOf(tx, streamId);
        if (current !== expectedVersion) return { conflict: current } as const;
        const rows = await tx
          .insert(domainEvents)
          .values(
            events.map((event, index) => ({
              streamId,
              version: expectedVersion + index + 1,
              type: event.type,
              data: event.data ?? null,
              metadata: { ...event.metadata },
            })),
          )
          .returning({ position: domainEvents.position });
        return { positions: rows.map((row) => row.position) } as const;
      });
      if (!attempt.ok) {
        if (!isUniqueViolation(attempt.error, STREAM_VERSION_CONSTRAINT)) throw attempt.error;
        return err(
          new ConcurrencyError(streamId, expectedVersion, await versionOf(this.db, streamId), attempt.error),
        );
      }
      if ('conflict' in attempt.value) {
        return err(new ConcurrencyError(streamId, expectedVersion, attempt.value.conflict));
      }
      return ok({ version: expectedVersion + events.length, positions: attempt.value.positions });
    });
  }

  /** A stream's events from `fromVersion` (default 1) on, in version order. */
  public readStream(
    streamId: string,
    options: { readonly fromVersion?: number; readonly limit?: number } = {},
  ): Promise<RecordedDomainEvent[]> {
    return this.run('readStream', async () => {
      const rows = await this.db
        .select()
        .from(domainEvents)
        .where(and(eq(domainEvents.streamId, streamId), gte(domainEvents.version, options.fromVersion ?? 1)))
        .orderBy(asc(domainEvents.version))
        .limit(Math.min(options.limit ?? READ_PAGE_LIMIT, READ_PAGE_LIMIT));
      return rows.map(toEvent);
    });
  }

  /** Events of every stream after `afterPosition`, in position order (for projections). */
  public readAll(
    options: { readonly afterPosition?: number; readonly limit?: number } = {},
  ): Promise<RecordedDomainEvent[]> {
    return this.run('readAll', async () => {
      const rows = await this.db
        .select()
        .from(domainEvents)
        .where(gt(domainEvents.position, options.afterPosition ?? 0))
        .orderBy(asc(domainEvents.position))
        .limit(Math.min(options.limit ?? READ_PAGE_LIMIT, READ_PAGE_LIMIT));
      return rows.map(toEvent);
    });
  }

  /** The stream's current version; 0 when it has no events. */
  public streamVersion(streamId: string): Promise<number> {
    return this.run('streamVersion', () => versionOf(this.db, streamId));
  }
}
