import type { Result } from '@discord-bot/errors';
import type { OptionChoice, OptionDefinition, OptionKindName } from '../definition/option-definition.js';
import { draftFor, type AnyClass } from './metadata-store.js';

/** Settings shared by every option kind. */
interface CommonOptionSettings {
  readonly required?: boolean;
  readonly parse?: (value: string | number | boolean) => Result<unknown, string>;
}

export interface StringOptionSettings extends CommonOptionSettings {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly autocomplete?: boolean;
  readonly choices?: readonly OptionChoice<string>[];
}

export interface NumericOptionSettings extends CommonOptionSettings {
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly autocomplete?: boolean;
  readonly choices?: readonly OptionChoice<number>[];
}

type OptionDecorator = <T extends AnyClass>(target: T, context: ClassDecoratorContext<T>) => void;

function declare(kind: OptionKindName, name: string, description: string, settings: object): OptionDecorator {
  return (target) => {
    const { required, ...rest } = settings as CommonOptionSettings & Record<string, unknown>;
    const option = { kind, name, description, required: required ?? false, ...rest } as OptionDefinition;
    // Decorators run bottom-up; unshift keeps the options in the order they are written.
    draftFor(target).options.unshift(option);
  };
}

/**
 * Declares an option of the command below. One factory per Discord option kind.
 *
 * @example
 * @Option.string('query', 'A song name or URL', { required: true, maxLength: 500, autocomplete: true })
 */
export const Option = {
  string: (name: string, description: string, settings: StringOptionSettings = {}): OptionDecorator =>
    declare('string', name, description, settings),
  integer: (name: string, description: string, settings: NumericOptionSettings = {}): OptionDecorator =>
    declare('integer', name, description, settings),
  number: (name: string, description: string, settings: NumericOptionSettings = {}): OptionDecorator =>
    declare('number', name, description, settings),
  boolean: (name: string, description: string, settings: CommonOptionSettings = {}): OptionDecorator =>
    declare('boolean', name, description, settings),
  user: (name: string, description: string, settings: CommonOptionSettings = {}): OptionDecorator =>
    declare('user', name, description, settings),
  channel: (name: string, description: string, settings: CommonOptionSettings = {}): OptionDecorator =>
    declare('channel', name, description, settings),
  role: (name: string, description: string, settings: CommonOptionSettings = {}): OptionDecorator =>
    declare('role', name, description, settings),
} as const;
