import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '../../constants.js';
import { defineCommand } from '../command-contract.js';
import { millisecondsSchema, snowflakeSchema } from '../primitives.js';
import { requesterSchema, trackSchema } from '../track.js';

/** Where new tracks go: after the queue, right after the current track, or replacing it now. */
export const placementSchema = z.enum(['end', 'next', 'now']);
export type Placement = z.infer<typeof placementSchema>;

/** Why tracks of a playlist were not added, and how many for each reason. */
export const leftOutSchema = z.object({
  /** Longer than the guild's maximum track duration. */
  tooLong: z.number().int().nonnegative(),
  /** Already queued while the guild's duplicate guard is on. */
  duplicates: z.number().int().nonnegative(),
  /** Beyond the guild's maximum queue length. */
  queueFull: z.number().int().nonnegative(),
  /** The guild's maximum track duration (what `tooLong` exceeded); null when it has none. */
  maxTrackDurationMs: millisecondsSchema.nullable(),
});
export type LeftOut = z.infer<typeof leftOutSchema>;

/**
 * Search or resolve a URL and queue what it finds. A playlist adds its tracks up to the guild's maximum
 * queue length; the answer says what was added, where, and when it will start.
 */
export const playCommand = defineCommand(
  'play',
  z.object({
    query: z.string().trim().min(1).max(MAX_QUERY_LENGTH),
    requester: requesterSchema,
    placement: placementSchema.default('end'),
    voiceChannelId: snowflakeSchema,
    textChannelId: snowflakeSchema,
  }),
  z.object({
    firstTrack: trackSchema,
    addedCount: z.number().int().min(1),
    playlist: z
      .object({
        name: z.string(),
        trackCount: z.number().int().nonnegative(),
        /** True when the guild's maximum queue length left tracks out (`leftOut.queueFull` of them). */
        truncated: z.boolean(),
        /** Tracks of the playlist not added, by reason (absent from an older audio service: none counted). */
        leftOut: leftOutSchema.default({ tooLong: 0, duplicates: 0, queueFull: 0, maxTrackDurationMs: null }),
      })
      .optional(),
    /** Queue position of the first added track; 0 when it plays now. */
    position: z.number().int().nonnegative(),
    /** Time until the first added track starts; null when unknown (a live stream is ahead of it). */
    startsInMs: millisecondsSchema.nullable(),
  }),
);
