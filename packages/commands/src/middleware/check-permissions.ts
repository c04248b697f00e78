import { UserError } from '@discord-bot/errors';
import { PermissionBits } from '../constants.js';
import type { PermissionRequirement } from '../definition/command-definition.js';
import type { CommandContext } from '../invocation/command-context.js';
import type { Middleware } from '../pipeline/middleware.js';

/** Guild facts the permission checks need; the gateway backs it with the database (cached). */
export interface GuildPolicy {
  /** The DJ role of the guild, or null when none is set (then everyone may use DJ commands). */
  djRoleId(guildId: string): Promise<string | null>;
}

function isPrivileged(context: CommandContext): boolean {
  const permissions = context.invocation.member?.permissions ?? 0n;
  return (permissions & (PermissionBits.Administrator | PermissionBits.ManageGuild)) !== 0n;
}

async function check(
  context: CommandContext,
  requirement: PermissionRequirement,
  policy: GuildPolicy,
): Promise<void> {
  const { invocation } = context;
  if (requirement === 'guild') {
    if (invocation.guildId === null) throw new UserError('FORBIDDEN');
    return;
  }
  if (requirement === 'inVoice') {
    if (invocation.voice.userChannelId === null) throw new UserError('NOT_IN_VOICE');
    return;
  }
  if (requirement === 'sameVoice') {
    const { userChannelId, botChannelId } = invocation.voice;
    if (userChannelId === null) throw new UserError('NOT_IN_VOICE');
    if (botChannelId !== null && botChannelId !== userChannelId) throw new UserError('NOT_IN_SAME_VOICE');
    return;
  }
  if (requirement === 'dj') {
    if (invocation.guildId === null || isPrivileged(context)) return;
    const djRole = await policy.djRoleId(invocation.guildId);
    if (djRole !== null && !(invocation.member?.roleIds.includes(djRole) ?? false))
      throw new UserError('DJ_ONLY');
    return;
  }
  const bit = PermissionBits[requirement.discord];
  const permissions = invocation.member?.permissions ?? 0n;
  if ((permissions & (bit | PermissionBits.Administrator)) === 0n) {
    throw new UserError('MISSING_PERMISSION', { permission: requirement.discord });
  }
}

/**
 * Enforces the command's `@Permission` requirements in declaration order, so the first unmet one is the one
 * the user is told about. Administrators and members who manage the server pass the DJ check.
 */
export function checkPermissions(policy: GuildPolicy): Middleware {
  return async (context, next) => {
    if (context.invocation.kind !== 'autocomplete') {
      for (const requirement of context.definition.permissions) await check(context, requirement, policy);
    }
    await next();
  };
}
