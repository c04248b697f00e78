import type { CooldownDefinition, PermissionRequirement } from '../definition/command-definition.js';
import { draftFor, type AnyClass } from './metadata-store.js';

/**
 * Requires every listed condition before the command runs (see {@link PermissionRequirement}).
 * Administrators pass every check except being in a server and in voice, which are facts, not rights.
 *
 * @example
 * @Permission('sameVoice', 'dj')
 */
export function Permission(...requirements: PermissionRequirement[]) {
  return function <T extends AnyClass>(target: T, _context: ClassDecoratorContext<T>): void {
    draftFor(target).permissions.unshift(...requirements);
  };
}

/**
 * Limits how often one user may run the command.
 *
 * @example
 * @Cooldown({ uses: 1, windowMs: 3_000 })
 */
export function Cooldown(cooldown: CooldownDefinition) {
  return function <T extends AnyClass>(target: T, _context: ClassDecoratorContext<T>): void {
    draftFor(target).cooldown = cooldown;
  };
}

/**
 * Marks the command as a paid feature: the pipeline's premium gate asks whether the guild has `feature`.
 */
export function Premium(feature: string) {
  return function <T extends AnyClass>(target: T, _context: ClassDecoratorContext<T>): void {
    draftFor(target).premiumFeature = feature;
  };
}
