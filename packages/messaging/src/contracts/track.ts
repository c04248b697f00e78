import { z } from 'zod';
import { millisecondsSchema, snowflakeSchema } from './primitives.js';

/** Who asked for a track. */
export const requesterSchema = z.object({
  userId: snowflakeSchema,
  displayName: z.string().min(1).max(100),
});
export type Requester = z.infer<typeof requesterSchema>;

/** A track as services exchange it: what the UI shows plus the node's encoded form to play it again. */
export const trackSchema = z.object({
  /** Lavalink's base64 encoded track. */
  encoded: z.string().min(1),
  title: z.string(),
  author: z.string(),
  durationMs: millisecondsSchema,
  isStream: z.boolean(),
  uri: z.string().nullable(),
  artworkUrl: z.string().nullable(),
  sourceName: z.string(),
  requester: requesterSchema,
});
export type Track = z.infer<typeof trackSchema>;
