import { ok } from '@discord-bot/errors';
import type { DispatchSink } from './dispatch-sink.js';
import { parsePermissions } from './permissions.js';
import { addMember, addRole } from './record-factory.js';
import { memberJson, userJson } from './serialize.js';
import { badRequest, notFound, type SimResult } from './sim-failure.js';
import type { SimStore } from './sim-store.js';
import type { VoiceService } from './voice-service.js';

export interface CreateUserInput {
  readonly username: string;
  readonly guildId?: string;
  readonly roles?: readonly string[];
  /** A permission bitfield (decimal string) given to the user through a role of their own. */
  readonly permissions?: string;
}

/** Users and guild members: joins, role and nickname changes, kicks, each with its gateway event. */
export class MemberService {
  public constructor(
    private readonly store: SimStore,
    private readonly sink: DispatchSink,
    private readonly voice: VoiceService,
  ) {}

  public createUser(input: CreateUserInput): SimResult<{ id: string }> {
    const username = input.username.trim();
    if (username.length < 2 || username.length > 32 || /[@#:]|```/.test(username)) {
      return badRequest('username must be 2 to 32 characters without @, #, : or ```');
    }
    if (input.guildId !== undefined && !this.store.guilds.has(input.guildId)) {
      return notFound(`unknown guild ${input.guildId}`);
    }
    if ((input.roles !== undefined || input.permissions !== undefined) && input.guildId === undefined) {
      return badRequest('roles and permissions need a guildId');
    }
    for (const roleId of input.roles ?? []) {
      if (this.store.roles.get(roleId)?.guildId !== input.guildId) return notFound(`unknown role ${roleId}`);
    }
    let ownRole: bigint | null = null;
    if (input.permissions !== undefined) {
      ownRole = parsePermissions(input.permissions);
      if (ownRole === null) return badRequest('permissions must be a decimal bitfield string');
    }
    const id = this.store.ids.next();
    this.store.users.set(id, { id, username, bot: false });
    if (input.guildId !== undefined) {
      const roleIds = [...(input.roles ?? [])];
      if (ownRole !== null) roleIds.push(addRole(this.store, input.guildId, username, ownRole, false).id);
      this.joinGuild(input.guildId, id, roleIds);
    }
    return ok({ id });
  }

  /** Adds an existing user to a guild (GUILD_MEMBER_ADD). */
  public joinGuild(guildId: string, userId: string, roleIds: readonly string[]): SimResult<void> {
    if (!this.store.guilds.has(guildId)) return notFound(`unknown guild ${guildId}`);
    if (!this.store.users.has(userId)) return notFound(`unknown user ${userId}`);
    if (this.store.member(guildId, userId) !== undefined) return ok(undefined);
    const member = addMember(this.store, guildId, userId, roleIds);
    this.sink.dispatch(
      'GUILD_MEMBER_ADD',
      { ...memberJson(this.store, member), guild_id: guildId },
      { guildId },
    );
    return ok(undefined);
  }

  /**
   * Kicks a member: they leave voice (a bot's voice connection closes with 4014), GUILD_MEMBER_REMOVE goes
   * to the guild, and a kicked bot gets GUILD_DELETE.
   */
  public kickMember(guildId: string, userId: string): SimResult<void> {
    const member = this.store.member(guildId, userId);
    if (member === undefined) return notFound(`user ${userId} is not a member of guild ${guildId}`);
    if (this.store.guilds.get(guildId)?.ownerId === userId) return badRequest('the owner cannot be kicked');
    this.voice.evictMember(guildId, userId);
    const user = this.store.users.get(userId);
    const app = this.store.applicationByBotUser(userId);
    this.sink.dispatch(
      'GUILD_MEMBER_REMOVE',
      { guild_id: guildId, user: user === undefined ? { id: userId } : userJson(user) },
      { guildId },
    );
    if (app !== undefined)
      this.sink.dispatch('GUILD_DELETE', { id: guildId }, { guildId, applicationId: app.id });
    this.store.deleteMember(guildId, userId);
    return ok(undefined);
  }

  /** Changes a member's roles or nickname (GUILD_MEMBER_UPDATE). */
  public updateMember(input: {
    guildId: string;
    userId: string;
    roles?: readonly string[];
    nick?: string | null;
  }): SimResult<void> {
    const member = this.store.member(input.guildId, input.userId);
    if (member === undefined)
      return notFound(`user ${input.userId} is not a member of guild ${input.guildId}`);
    for (const roleId of input.roles ?? []) {
      if (this.store.roles.get(roleId)?.guildId !== input.guildId) return notFound(`unknown role ${roleId}`);
    }
    if (input.roles !== undefined) member.roleIds = [...input.roles];
    if (input.nick !== undefined) member.nick = input.nick;
    this.sink.dispatch(
      'GUILD_MEMBER_UPDATE',
      { ...memberJson(this.store, member), guild_id: input.guildId },
      { guildId: input.guildId },
    );
    return ok(undefined);
  }
}
