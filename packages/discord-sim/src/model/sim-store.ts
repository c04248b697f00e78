import type {
  SimApplication,
  SimChannel,
  SimCommand,
  SimGuild,
  SimMember,
  SimMessage,
  SimRole,
  SimUser,
  SimVoiceState,
} from './entities.js';
import { ALL_PERMISSIONS, PermissionBits } from './permissions.js';
import { SnowflakeGenerator } from './snowflake.js';

function voiceKey(guildId: string, userId: string): string {
  return `${guildId}:${userId}`;
}

function memberKey(guildId: string, userId: string): string {
  return `${guildId}:${userId}`;
}

/**
 * Everything the simulated Discord knows, as plain records with lookups. It holds no rules: the services
 * around it validate, mutate and dispatch the matching gateway events.
 */
export class SimStore {
  public readonly ids: SnowflakeGenerator;
  public readonly users = new Map<string, SimUser>();
  public readonly applications = new Map<string, SimApplication>();
  public readonly guilds = new Map<string, SimGuild>();
  public readonly roles = new Map<string, SimRole>();
  public readonly channels = new Map<string, SimChannel>();
  public readonly members = new Map<string, SimMember>();
  public readonly voiceStates = new Map<string, SimVoiceState>();
  public readonly messages = new Map<string, SimMessage>();
  public readonly commands = new Map<string, SimCommand>();

  public constructor(ids: SnowflakeGenerator = new SnowflakeGenerator()) {
    this.ids = ids;
  }

  public applicationByToken(token: string): SimApplication | undefined {
    for (const app of this.applications.values()) if (app.token === token) return app;
    return undefined;
  }

  public applicationByBotUser(userId: string): SimApplication | undefined {
    for (const app of this.applications.values()) if (app.botUserId === userId) return app;
    return undefined;
  }

  public member(guildId: string, userId: string): SimMember | undefined {
    return this.members.get(memberKey(guildId, userId));
  }

  public putMember(member: SimMember): void {
    this.members.set(memberKey(member.guildId, member.userId), member);
  }

  public deleteMember(guildId: string, userId: string): void {
    this.members.delete(memberKey(guildId, userId));
  }

  public guildMembers(guildId: string): SimMember[] {
    return [...this.members.values()].filter((m) => m.guildId === guildId);
  }

  public guildRoles(guildId: string): SimRole[] {
    return [...this.roles.values()]
      .filter((r) => r.guildId === guildId)
      .sort((a, b) => a.position - b.position);
  }

  public guildChannels(guildId: string): SimChannel[] {
    return [...this.channels.values()].filter((c) => c.guildId === guildId);
  }

  public voiceState(guildId: string, userId: string): SimVoiceState | undefined {
    return this.voiceStates.get(voiceKey(guildId, userId));
  }

  public putVoiceState(state: SimVoiceState): void {
    this.voiceStates.set(voiceKey(state.guildId, state.userId), state);
  }

  public deleteVoiceState(guildId: string, userId: string): void {
    this.voiceStates.delete(voiceKey(guildId, userId));
  }

  public guildVoiceStates(guildId: string): SimVoiceState[] {
    return [...this.voiceStates.values()].filter((v) => v.guildId === guildId);
  }

  /** Guild ids the bot user is a member of. */
  public guildsOf(userId: string): string[] {
    return [...this.guilds.keys()].filter((id) => this.member(id, userId) !== undefined);
  }

  /** The commands an application registered, globally (`guildId` null) or in one guild. */
  public commandsOf(applicationId: string, guildId: string | null): SimCommand[] {
    return [...this.commands.values()].filter(
      (c) => c.applicationId === applicationId && c.guildId === guildId,
    );
  }

  /** A member's guild-wide permissions: `@everyone` plus every role; owners and administrators get all. */
  public memberPermissions(guildId: string, userId: string): bigint {
    const guild = this.guilds.get(guildId);
    const member = this.member(guildId, userId);
    if (guild === undefined || member === undefined) return 0n;
    if (guild.ownerId === userId) return ALL_PERMISSIONS;
    let bits = this.roles.get(guildId)?.permissions ?? 0n;
    for (const roleId of member.roleIds) bits |= this.roles.get(roleId)?.permissions ?? 0n;
    return (bits & PermissionBits.Administrator) !== 0n ? ALL_PERMISSIONS : bits;
  }

  /** Messages of a channel in creation order, ephemeral ones left out (as another user sees the channel). */
  public channelMessages(channelId: string): SimMessage[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId && !m.ephemeral);
  }
}
