import { ok } from '@discord-bot/errors';
import type { DispatchSink } from './dispatch-sink.js';
import { ChannelType, type SimChannelType } from './entities.js';
import { DEFAULT_EVERYONE_PERMISSIONS, parsePermissions } from './permissions.js';
import { addBotMember, addChannel, addMember, addRole } from './record-factory.js';
import { channelJson, guildCreateJson, roleJson } from './serialize.js';
import { badRequest, notFound, type SimResult } from './sim-failure.js';
import type { SimStore } from './sim-store.js';
import type { VoiceService } from './voice-service.js';

export interface CreatedGuild {
  readonly id: string;
  readonly textChannelId: string;
  readonly voiceChannelId: string;
}

/** Guilds, channels and roles: each change dispatches the event Discord sends. */
export class GuildService {
  private ownerId: string | null = null;

  public constructor(
    private readonly store: SimStore,
    private readonly sink: DispatchSink,
    private readonly voice: VoiceService,
  ) {}

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
    const textChannelId = addChannel(this.store, id, 'general', ChannelType.GuildText);
    const voiceChannelId = addChannel(this.store, id, 'General', ChannelType.GuildVoice);
    addMember(this.store, id, ownerId, []);
    for (const app of this.store.applications.values()) addBotMember(this.store, id, app);
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
    const id = addChannel(this.store, input.guildId, input.name, input.type);
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
    const role = addRole(this.store, input.guildId, input.name, permissions, false);
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

  private defaultOwner(): string {
    if (this.ownerId === null) {
      this.ownerId = this.store.ids.next();
      this.store.users.set(this.ownerId, { id: this.ownerId, username: 'sim-owner', bot: false });
    }
    return this.ownerId;
  }
}
