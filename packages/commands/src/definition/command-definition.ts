import type { PermissionName } from '../constants.js';
import type { OptionDefinition } from './option-definition.js';

/**
 * What a member must satisfy to run a command.
 * - `guild`: only inside a server.
 * - `inVoice`: the member is in a voice channel.
 * - `sameVoice`: the member is in the bot's voice channel (or, when the bot is not connected, in any).
 * - `dj`: when the server configured a DJ role, the member has it (administrators and managers pass).
 * - `{ discord }`: a Discord permission bit.
 */
export type PermissionRequirement =
  'guild' | 'inVoice' | 'sameVoice' | 'dj' | { readonly discord: PermissionName };

/** A per-user cooldown on one command. */
export interface CooldownDefinition {
  /** How many uses are allowed per window. */
  readonly uses: number;
  readonly windowMs: number;
}

/** Everything the registry and pipeline know about one slash command. */
export interface CommandDefinition {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionDefinition[];
  readonly permissions: readonly PermissionRequirement[];
  readonly cooldown?: CooldownDefinition;
  /** Feature name checked by the premium gate, when the command is a paid feature. */
  readonly premiumFeature?: string;
  /** Answer privately by default (settings, errors). */
  readonly ephemeral?: boolean;
  /** The answer depends on another service: defer at once so the 3 s deadline can never be missed. */
  readonly defer?: boolean;
}
