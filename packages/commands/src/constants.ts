/** Discord's limits on application command definitions. */
export const COMMAND_NAME_MAX_LENGTH = 32;
export const COMMAND_DESCRIPTION_MAX_LENGTH = 100;
export const COMMAND_OPTIONS_MAX = 25;
export const OPTION_CHOICES_MAX = 25;
/** Discord's ceiling on any string option value. */
export const STRING_OPTION_MAX_LENGTH = 6_000;
/** Names: lowercase letters, digits, `-` and `_` (Discord's CHAT_INPUT rule, ASCII subset). */
export const COMMAND_NAME_PATTERN = /^[-_a-z0-9]{1,32}$/;

/** Discord closes an interaction that has no first response within this time. */
export const INTERACTION_ACK_DEADLINE_MS = 3_000;

/** Permission bits the pipeline checks (Discord's values). */
export const PermissionBits = {
  Administrator: 1n << 3n,
  ManageGuild: 1n << 5n,
  ManageChannels: 1n << 4n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  MoveMembers: 1n << 24n,
} as const;

export type PermissionName = keyof typeof PermissionBits;
