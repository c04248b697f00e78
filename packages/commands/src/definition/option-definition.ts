import type { Result } from '@discord-bot/errors';

/** Option kinds this framework supports, mapped to Discord's option type numbers. */
export const OptionKind = {
  string: 3,
  integer: 4,
  boolean: 5,
  user: 6,
  channel: 7,
  role: 8,
  number: 10,
} as const;
export type OptionKindName = keyof typeof OptionKind;

/** The value an option of each kind carries after validation (ids for user/channel/role). */
export interface OptionValueByKind {
  string: string;
  integer: number;
  boolean: boolean;
  user: string;
  channel: string;
  role: string;
  number: number;
}

export interface OptionChoice<V extends string | number = string | number> {
  readonly name: string;
  readonly value: V;
}

/** One option of a slash command, as declared with `@Option`. */
export interface OptionDefinition {
  readonly kind: OptionKindName;
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly autocomplete?: boolean;
  readonly choices?: readonly OptionChoice[];
  /** Inclusive bounds for integer/number options. */
  readonly minValue?: number;
  readonly maxValue?: number;
  /** Bounds on string length. */
  readonly minLength?: number;
  readonly maxLength?: number;
  /**
   * Extra parsing after the type checks, e.g. `1:23` -> 83 000 ms for `/seek`. Returns the parsed value or
   * the reason shown to the user.
   */
  readonly parse?: (value: string | number | boolean) => Result<unknown, string>;
}
