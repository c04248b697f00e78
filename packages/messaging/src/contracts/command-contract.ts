import type { z } from 'zod';

/** One command of the gateway -> audio protocol: its name, what it carries and what it answers. */
export interface CommandContract<
  T extends string = string,
  P extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly type: T;
  readonly payload: P;
  readonly result: R;
}

/**
 * Declares a command contract. The gateway and the audio service import the same object, so a change to a
 * payload or a result is a compile error on both sides.
 *
 * @example
 * export const pauseCommand = defineCommand('pause', z.object({}), z.object({ positionMs: z.number() }));
 */
export function defineCommand<const T extends string, P extends z.ZodType, R extends z.ZodType>(
  type: T,
  payload: P,
  result: R,
): CommandContract<T, P, R> {
  return { type, payload, result };
}
