import { ok } from '@discord-bot/errors';
import type { DispatchSink } from './dispatch-sink.js';
import { ChannelType, type SimApplication, type SimChannelType, type SimRole } from './entities.js';
import { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, parsePermissions } from './permissions.js';
import { channelJson, guildCreateJson, memberJson, roleJson, userJson } from './serialize.js';
import { badRequest, notFound, type SimResult } from './sim-failure.js';
import type { SimStore } from './sim-store.js';
import type { VoiceService } from './voice-service.js';

export interface CreatedGuild {
  readonly id: string;
  readonly textChannelId: string;
  readonly voiceChannelId: string;
}

export interface CreateUserInput {
  readonly username: string;
  readonly guildId?: string;
  readonly roles?: readonly string[];
  /** A permission bitfield (decimal string) given to the user through a role of their own. */
  readonly permissions?: string;
}

/** Bot id from a real-looking token (`base64(user id).x.y`), so logs match what the bot expects. */
function botIdFromToken(token: string): string | null {
  const head = token.split('.')[0] ?? '';
  try {
    const decoded = Buffer.from(head, 'base64').toString('utf8');
    return /^\d{17,20}$/.test(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

/** Guilds, channels, roles, users and members: each change dispatches the event Discord sends. */
export class GuildService {
  private ownerId: string | null = null;

  public constructor(
    private readonly store: SimStore,
    private readonly sink: DispatchSink,
    private readonly voice: VoiceService,
  ) {}

  /** The application for a bot token, created (and joined to every guild) the first time the token is seen. */
  public applicationFor(token: string): SimApplication {
    const known = this.store.applicationByToken(token);
    if (known !== undefined) return known;
    const fromToken = botIdFromToken(token);
    const botUserId =
      fromToken !== null && !this.store.users.has(fromToken) ? fromToken : this.store.ids.next();
    const number = this.store.applications.size + 1;
    const name = number === 1 ? 'Sim Bot' : `Sim Bot ${number}`;
    this.store.users.set(botUserId, { id: botUserId, username: name, bot: true });
    const app: SimApplication = { id: botUserId, botUserId, name, token };
    this.store.applications.set(app.id, app);
    for (const guildId of this.store.guilds.keys()) this.addBotMember(guildId, app);
    return app;
  }

  public createGuild(input: { name: string; ownerId?: string }): SimResult<CreatedGuild> {
    const name = input.name.trim();
    if (name.length < 2 || name.length > 100) return badRequest('guild name must be 2 to 100 characters');
    const ownerId = input.ownerId ?? this.defaultOwner();
    if (!this.store.users.has(ownerId)) return notFound(`unknown user ${ownerId}`);
    const id = this.store.ids.next();
    this.store.guilds.set(id, { id, name, ownerId });
    this.store.roles.set(id, {
      id,
      guildId: id,
      name: '@everyone',
      permissions: DEFAULT_EVERYONE_PERMISSIONS,
      position: 0,
      managed: false,
    });
    const textChannelId = this.addChannel(id, 'general', ChannelType.GuildText);
    const voiceChannelId = this.addChannel(id, 'General', ChannelType.GuildVoice);
    this.addMember(id, ownerId, []);
    for (const app of this.store.applications.values()) this.addBotMember(id, app);
    this.sink.dispatch('GUILD_CREATE', guildCreateJson(this.store, id, true), { guildId: id });
    return ok({ id, textChannelId, voiceChannelId });
  }

  public deleteGuild(guildId: string): SimResult<void> {
    if (!this.store.guilds.has(guildId)) return notFound(`unknown guild ${guildId}`);
    this.voice.evictGuild(guildId);
    this.sink.dispatch('GUILD_DELETE', { id: guildId }, { guildId });
    for (const channel of this.store.guildChannels(guildId)) this.store.channels.delete(channel.id);
    for (const role of this.store.guildRoles(guildId)) this.store.roles.delete(role.id);
    for (const member of this.store.guildMembers(guildId)) this.store.deleteMember(guildId, member.userId);
    for (const command of [...this.store.commands.values()]) {
      if (command.guildId === guildId) this.store.commands.delete(command.id);
    }
    this.store.guilds.delete(guildId);
    return ok(undefined);
  }

  public createChannel(input: {
    guildId: string;
    name: string;
    type: SimChannelType;
  }): SimResult<{ id: string }> {
    if (!this.store.guilds.has(input.guildId)) return notFound(`unknown guild ${input.guildId}`);
    if (input.name.length < 1 || input.name.length > 100)
      return badRequest('channel name must be 1 to 100 characters');
    const id = this.addChannel(input.guildId, input.name, input.type);
    const channel = this.store.channels.get(id);
    if (channel !== undefined)
      this.sink.dispatch('CHANNEL_CREATE', channelJson(channel), { guildId: input.guildId });
    return ok({ id });
  }

  public deleteChannel(channelId: string): SimResult<void> {
    const channel = this.store.channels.get(channelId);
    if (channel === undefined) return notFound(`unknown channel ${channelId}`);
    this.voice.evictChannel(channelId);
    this.store.channels.delete(channelId);
    this.sink.dispatch('CHANNEL_DELETE', channelJson(channel), { guildId: channel.guildId });
    return ok(undefined);
  }

  public createRole(input: {
    guildId: string;
    name: string;
    permissions: string;
  }): SimResult<{ id: string }> {
    if (!this.store.guilds.has(input.guildId)) return notFound(`unknown guild ${input.guildId}`);
    const permissions = parsePermissions(input.permissions);
    if (permissions === null) return badRequest('permissions must be a decimal bitfield string');
    const role = this.addRole(input.guildId, input.name, permissions, false);
    this.sink.dispatch(
      'GUILD_ROLE_CREATE',
      { guild_id: input.guildId, role: roleJson(role) },
      { guildId: input.guildId },
    );
    return ok({ id: role.id });
  }

  /** Changes a role's name or permissions (GUILD_ROLE_UPDATE). */
  public updateRole(input: { roleId: string; name?: string; permissions?: string }): SimResult<void> {
    const role = this.store.roles.get(input.roleId);
    if (role === undefined) return notFound(`unknown role ${input.roleId}`);
    if (input.permissions !== undefined) {
      const permissions = parsePermissions(input.permissions);
      if (permissions === null) return badRequest('permissions must be a decimal bitfield string');
      role.permissions = permissions;
    }
    if (input.name !== undefined) role.name = input.name;
    this.sink.dispatch(
      'GUILD_ROLE_UPDATE',
      { guild_id: role.guildId, role: roleJson(role) },
      { guildId: role.guildId },
    );
    return ok(undefined);
  }

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
      if (ownRole !== null) roleIds.push(this.addRole(input.guildId, username, ownRole, false).id);
      this.joinGuild(input.guildId, id, roleIds);
    }
    return ok({ id });
  }

  /** Adds an existing user to a guild (GUILD_MEMBER_ADD). */
  public joinGuild(guildId: string, userId: string, roleIds: readonly string[]): SimResult<void> {
    if (!this.store.guilds.has(guildId)) return notFound(`unknown guild ${guildId}`);
    if (!this.store.users.has(userId)) return notFound(`unknown user ${userId}`);
    if (this.store.member(guildId, userId) !== undefined) return ok(undefined);
    const member = this.addMember(guildId, userId, roleIds);
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

  private defaultOwner(): string {
    if (this.ownerId === null) {
      this.ownerId = this.store.ids.next();
      this.store.users.set(this.ownerId, { id: this.ownerId, username: 'sim-owner', bot: false });
    }
    return this.ownerId;
  }

  private addBotMember(guildId: string, app: SimApplication): void {
    const role = this.addRole(guildId, app.name, DEFAULT_BOT_PERMISSIONS, true);
    this.addMember(guildId, app.botUserId, [role.id]);
  }

  private addMember(guildId: string, userId: string, roleIds: readonly string[]) {
    const member = { guildId, userId, roleIds: [...roleIds], nick: null, joinedAt: new Date().toISOString() };
    this.store.putMember(member);
    return member;
  }

  private addRole(guildId: string, name: string, permissions: bigint, managed: boolean): SimRole {
    const role: SimRole = {
      id: this.store.ids.next(),
      guildId,
      name,
      permissions,
      position: this.store.guildRoles(guildId).length,
      managed,
    };
    this.store.roles.set(role.id, role);
    return role;
  }

  private addChannel(guildId: string, name: string, type: SimChannelType): string {
    const id = this.store.ids.next();
    const position = this.store.guildChannels(guildId).filter((c) => c.type === type).length;
    this.store.channels.set(id, { id, guildId, name, type, position });
    return id;
  }
}
