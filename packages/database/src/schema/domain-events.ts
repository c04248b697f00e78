import { sql } from 'drizzle-orm';
import { bigserial, check, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';

/**
 * Append-only event log. Each stream's events carry versions 1, 2, 3...; the unique (stream, version)
 * constraint is the optimistic-concurrency check: two writers appending at the same version cannot both
 * commit. A trigger (migration 0001) rejects UPDATE and DELETE.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    /** Global order across streams, for projections that read everything. */
    position: bigserial('position', { mode: 'number' }).primaryKey(),
    streamId: text('stream_id').notNull(),
    version: integer('version').notNull(),
    type: text('type').notNull(),
    /** Null when the event carries no payload. */
    data: jsonb('data').$type<unknown>(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    recordedAt: timestamp('recorded_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    unique('domain_events_stream_version_unique').on(t.streamId, t.version),
    check('domain_events_version_positive', sql`${t.version} > 0`),
  ],
);

/** The latest folded state of a stream, so loading it does not replay every event. */
export const streamSnapshots = pgTable('stream_snapshots', {
  streamId: text('stream_id').primaryKey(),
  version: integer('version').notNull(),
  state: jsonb('state').$type<unknown>().notNull(),
  takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
});
