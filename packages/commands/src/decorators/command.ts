import type { CommandDefinition } from '../definition/command-definition.js';
import { validateDefinition } from '../definition/validate-definition.js';
import { draftFor, setDefinition, type AnyClass } from './metadata-store.js';

/** Arguments of `@Command`. */
export interface CommandOptions {
  readonly name: string;
  readonly description: string;
  readonly ephemeral?: boolean;
  readonly defer?: boolean;
}

/**
 * Marks a class as a slash command handler. Put it above `@Option`, `@Permission`, `@Cooldown` and
 * `@Premium`: decorators run bottom-up, so `@Command` runs last and seals what they collected. An invalid
 * definition (bad name, too many options, required after optional) throws when the class is defined.
 *
 * @example
 * @Command({ name: 'volume', description: 'Set the volume', defer: true })
 * @Option.integer('percent', 'Volume in percent', { required: true, minValue: 0, maxValue: 200 })
 * @Permission('sameVoice')
 * class VolumeCommand implements CommandHandler { async execute(ctx) { ... } }
 */
export function Command(options: CommandOptions) {
  return function <T extends AnyClass>(target: T, _context: ClassDecoratorContext<T>): void {
    const draft = draftFor(target);
    const definition: CommandDefinition = {
      name: options.name,
      description: options.description,
      options: [...draft.options],
      permissions: [...draft.permissions],
      ...(draft.cooldown === undefined ? {} : { cooldown: draft.cooldown }),
      ...(draft.premiumFeature === undefined ? {} : { premiumFeature: draft.premiumFeature }),
      ...(options.ephemeral === undefined ? {} : { ephemeral: options.ephemeral }),
      ...(options.defer === undefined ? {} : { defer: options.defer }),
    };
    validateDefinition(definition);
    setDefinition(target, Object.freeze(definition));
  };
}
