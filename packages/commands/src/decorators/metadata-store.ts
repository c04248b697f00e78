import type {
  CommandDefinition,
  CooldownDefinition,
  PermissionRequirement,
} from '../definition/command-definition.js';
import type { OptionDefinition } from '../definition/option-definition.js';

/** What the decorators below `@Command` have collected so far for one class. */
export interface CommandDraft {
  options: OptionDefinition[];
  permissions: PermissionRequirement[];
  cooldown?: CooldownDefinition;
  premiumFeature?: string;
}

/** Any class; decorators only need its identity. */
export type AnyClass = abstract new (...args: never[]) => unknown;

const drafts = new WeakMap<AnyClass, CommandDraft>();
const definitions = new WeakMap<AnyClass, CommandDefinition>();

/** The draft for `target`, created empty on first use. */
export function draftFor(target: AnyClass): CommandDraft {
  let draft = drafts.get(target);
  if (draft === undefined) {
    draft = { options: [], permissions: [] };
    drafts.set(target, draft);
  }
  return draft;
}

export function setDefinition(target: AnyClass, definition: CommandDefinition): void {
  definitions.set(target, definition);
}

/** The finished definition of a class decorated with `@Command`, or undefined. */
export function getCommandDefinition(target: AnyClass): CommandDefinition | undefined {
  return definitions.get(target);
}
