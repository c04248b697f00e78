import type { SimApplication, SimChannelType, SimMember, SimRole } from './entities.js';
import { DEFAULT_BOT_PERMISSIONS } from './permissions.js';
import type { SimStore } from './sim-store.js';

/** Store writes shared by the services: new roles, members and channels with their ids and positions. */

export function addRole(
  store: SimStore,
  guildId: string,
  name: string,
  permissions: bigint,
  managed: boolean,
): SimRole {
  const role: SimRole = {
    id: store.ids.next(),
    guildId,
    name,
    permissions,
    position: store.guildRoles(guildId).length,
    managed,
  };
  store.roles.set(role.id, role);
  return role;
}

export function addMember(
  store: SimStore,
  guildId: string,
  userId: string,
  roleIds: readonly string[],
): SimMember {
  const member = { guildId, userId, roleIds: [...roleIds], nick: null, joinedAt: new Date().toISOString() };
  store.putMember(member);
  return member;
}

/** A bot joins a guild as an invite does: member with a managed role named after it. */
export function addBotMember(store: SimStore, guildId: string, app: SimApplication): SimMember {
  const role = addRole(store, guildId, app.name, DEFAULT_BOT_PERMISSIONS, true);
  return addMember(store, guildId, app.botUserId, [role.id]);
}

export function addChannel(store: SimStore, guildId: string, name: string, type: SimChannelType): string {
  const id = store.ids.next();
  const position = store.guildChannels(guildId).filter((c) => c.type === type).length;
  store.channels.set(id, { id, guildId, name, type, position });
  return id;
}
