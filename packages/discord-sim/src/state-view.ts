import type { SimStore } from './model/sim-store.js';

/** What `GET /_sim/state` answers: the whole simulated Discord as a user would describe it. */
export interface SimStateView {
  readonly applications: { id: string; botUserId: string; name: string }[];
  readonly users: { id: string; username: string; bot: boolean }[];
  readonly guilds: {
    id: string;
    name: string;
    ownerId: string;
    channels: { id: string; name: string; type: number }[];
    roles: { id: string; name: string; permissions: string; managed: boolean }[];
    members: { userId: string; roles: string[]; nick: string | null }[];
  }[];
  readonly voiceStates: {
    guildId: string;
    userId: string;
    channelId: string;
    sessionId: string;
    selfMute: boolean;
    selfDeaf: boolean;
  }[];
  readonly commands: {
    id: string;
    applicationId: string;
    guildId: string | null;
    name: string;
    type: number;
    description: string;
    options: unknown[];
  }[];
  readonly sessions: {
    id: string;
    applicationId: string;
    shard: [number, number];
    connected: boolean;
    sequence: number;
  }[];
}

export interface SessionSummary {
  readonly id: string;
  readonly applicationId: string;
  readonly shard: [number, number];
  readonly connected: boolean;
  readonly sequence: number;
}

/** A JSON-safe snapshot of the store. */
export function stateView(store: SimStore, sessions: readonly SessionSummary[]): SimStateView {
  return {
    applications: [...store.applications.values()].map(({ id, botUserId, name }) => ({
      id,
      botUserId,
      name,
    })),
    users: [...store.users.values()].map(({ id, username, bot }) => ({ id, username, bot })),
    guilds: [...store.guilds.values()].map((guild) => ({
      id: guild.id,
      name: guild.name,
      ownerId: guild.ownerId,
      channels: store.guildChannels(guild.id).map(({ id, name, type }) => ({ id, name, type })),
      roles: store.guildRoles(guild.id).map((r) => ({
        id: r.id,
        name: r.name,
        permissions: r.permissions.toString(),
        managed: r.managed,
      })),
      members: store
        .guildMembers(guild.id)
        .map((m) => ({ userId: m.userId, roles: [...m.roleIds], nick: m.nick })),
    })),
    voiceStates: [...store.voiceStates.values()].map((v) => ({ ...v })),
    commands: [...store.commands.values()].map((c) => ({
      id: c.id,
      applicationId: c.applicationId,
      guildId: c.guildId,
      name: c.name,
      type: c.type,
      description: typeof c.definition['description'] === 'string' ? c.definition['description'] : '',
      options: Array.isArray(c.definition['options']) ? (c.definition['options'] as unknown[]) : [],
    })),
    sessions: [...sessions],
  };
}
