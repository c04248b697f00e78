import { eq, sql } from 'drizzle-orm';
import { streamSnapshots } from '../schema/domain-events.js';
import { Repository } from './repository.js';

/** A stream's folded state at a version. */
export interface StreamSnapshot {
  readonly streamId: string;
  readonly version: number;
  readonly state: unknown;
  readonly takenAt: Date;
}

/** Latest snapshot per event stream; an older snapshot never replaces a newer one. */
export class StreamSnapshotRepository extends Repository {
  protected readonly name = 'stream_snapshot';

  /** Stores the state at `version` unless a snapshot at the same or a later version exists. */
  public save(streamId: string, version: number, state: unknown): Promise<boolean> {
    return this.run('save', async () => {
      const rows = await this.db
        .insert(streamSnapshots)
        .values({ streamId, version, state })
        .onConflictDoUpdate({
          target: streamSnapshots.streamId,
          set: { version, state, takenAt: sql`now()` },
          setWhere: sql`${streamSnapshots.version} < excluded.version`,
        })
        .returning({ version: streamSnapshots.version });
      return rows.length > 0;
    });
  }

  /** The stream's latest snapshot, if any. */
  public load(streamId: string): Promise<StreamSnapshot | undefined> {
    return this.run('load', async () => {
      const [row] = await this.db
        .select()
        .from(streamSnapshots)
        .where(eq(streamSnapshots.streamId, streamId));
      return row === undefined
        ? undefined
        : { streamId: row.streamId, version: row.version, state: row.state, takenAt: row.takenAt };
    });
  }
}
