import type { z } from 'zod';

/** A message that has the common envelope and a `type` (what every channel carries). */
export interface TypedMessage {
  readonly id: string;
  readonly type: string;
  readonly guildId: string;
}

/** A fan-out channel: its name and the schema every message on it must satisfy. */
export interface ChannelDefinition<M extends TypedMessage = TypedMessage> {
  readonly name: string;
  readonly schema: z.ZodType<M>;
}

/**
 * Declares a channel by name and message schema; publishers and subscribers share the object.
 *
 * @example
 * export const UI_NOW_CHANNEL = defineChannel('discord-bot:ui:now', uiNowEventSchema);
 */
export function defineChannel<S extends z.ZodType<TypedMessage>>(
  name: string,
  schema: S,
): ChannelDefinition<z.output<S>> {
  // A schema of TypedMessage outputs is a z.ZodType of its own output; the generic loses that link.
  return { name, schema: schema as unknown as z.ZodType<z.output<S>> };
}

/** The message type carried by a channel definition. */
export type ChannelMessage<C> = C extends ChannelDefinition<infer M> ? M : never;
