import { z } from 'zod';
import { epochMsSchema, snowflakeSchema, traceparentSchema } from './primitives.js';

/** Fields every message on every channel carries, whatever its payload. */
export const envelopeFields = {
  /** Unique per message; for commands it is also the idempotency key. */
  id: z.string().min(1).max(100),
  guildId: snowflakeSchema,
  /** Ties together the log lines of one user action across services. */
  correlationId: z.string().min(1).max(100),
  /** W3C trace context of the sender, when tracing is on. */
  traceparent: traceparentSchema.optional(),
  /** When the sender created the message (ms since the epoch). */
  sentAt: epochMsSchema,
};

/**
 * Builds the schema of one message type: the common envelope plus a literal `type` and its `payload`.
 *
 * @example
 * const pauseSchema = envelopeSchema('pause', z.object({}));
 */
export function envelopeSchema<const T extends string, P extends z.ZodType>(type: T, payload: P) {
  return z.object({ ...envelopeFields, type: z.literal(type), payload });
}

/** The envelope fields a sender supplies; `id` and `sentAt` are filled in by {@link createEnvelope}. */
export interface EnvelopeInit {
  readonly guildId: string;
  readonly correlationId?: string;
  readonly traceparent?: string;
  readonly id?: string;
}

/** A message of type `T` with payload `P`, as it travels. */
export interface Envelope<T extends string = string, P = unknown> {
  readonly id: string;
  readonly type: T;
  readonly guildId: string;
  readonly correlationId: string;
  readonly traceparent?: string | undefined;
  readonly sentAt: number;
  readonly payload: P;
}

/**
 * Wraps a payload in an envelope with a fresh id, the current time and a correlation id (the message id
 * when the caller has none).
 */
export function createEnvelope<T extends string, P>(type: T, payload: P, init: EnvelopeInit): Envelope<T, P> {
  const id = init.id ?? crypto.randomUUID();
  return {
    id,
    type,
    guildId: init.guildId,
    correlationId: init.correlationId ?? id,
    ...(init.traceparent === undefined ? {} : { traceparent: init.traceparent }),
    sentAt: Date.now(),
    payload,
  };
}
