import { z } from 'zod';

/** A Discord id: a decimal snowflake (17 to 20 digits on Discord; the simulator may use shorter ones). */
export const snowflakeSchema = z.string().regex(/^\d{1,20}$/, 'must be a decimal snowflake');

/** A W3C trace context `traceparent` header value. */
export const traceparentSchema = z
  .string()
  .regex(/^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/, 'must be a W3C traceparent');

/** A non-negative integer number of milliseconds. */
export const millisecondsSchema = z.number().int().nonnegative();

/** Milliseconds since the Unix epoch. */
export const epochMsSchema = z.number().int().nonnegative();

/** A 1-based position in the queue as users see it. */
export const queuePositionSchema = z.number().int().min(1);

/** Loop modes of a player. */
export const loopModeSchema = z.enum(['off', 'track', 'queue']);
export type LoopMode = z.infer<typeof loopModeSchema>;
