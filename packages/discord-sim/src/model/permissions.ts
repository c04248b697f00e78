/** Permission bits the simulator models (values as Discord defines them). */
export const PermissionBits = {
  CreateInstantInvite: 1n << 0n,
  KickMembers: 1n << 1n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  UseExternalEmojis: 1n << 18n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  MoveMembers: 1n << 24n,
  UseVoiceActivity: 1n << 25n,
  UseApplicationCommands: 1n << 31n,
} as const;

export type PermissionName = keyof typeof PermissionBits;

/** Every bit Discord defines today (what an administrator effectively has). */
export const ALL_PERMISSIONS = (1n << 53n) - 1n;

/** What `@everyone` gets in a new guild (Discord's defaults, reduced to the bits modelled here). */
export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionBits.CreateInstantInvite |
  PermissionBits.ViewChannel |
  PermissionBits.SendMessages |
  PermissionBits.EmbedLinks |
  PermissionBits.ReadMessageHistory |
  PermissionBits.UseExternalEmojis |
  PermissionBits.Connect |
  PermissionBits.Speak |
  PermissionBits.UseVoiceActivity |
  PermissionBits.UseApplicationCommands;

/** The managed role a bot gets when invited with a music bot's usual scopes. */
export const DEFAULT_BOT_PERMISSIONS =
  PermissionBits.ViewChannel |
  PermissionBits.SendMessages |
  PermissionBits.EmbedLinks |
  PermissionBits.ReadMessageHistory |
  PermissionBits.Connect |
  PermissionBits.Speak;

/** True when `granted` includes every bit of `required` (administrators pass everything). */
export function hasPermission(granted: bigint, required: bigint): boolean {
  if ((granted & PermissionBits.Administrator) !== 0n) return true;
  return (granted & required) === required;
}

/**
 * Parses a permission bitfield as the API carries it (decimal string). Returns null when it is not one.
 */
export function parsePermissions(value: unknown): bigint | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  if (typeof value !== 'string' || !/^\d{1,20}$/.test(value)) return null;
  return BigInt(value);
}
