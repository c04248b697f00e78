import { DiscordErrors } from '../../model/discord-error.js';
import { channelJson, guildJson, memberJson, roleJson } from '../../model/serialize.js';
import { failed, json, route, type RestDeps, type RestRequest, type RestRoute } from '../rest-route.js';

const MAX_MEMBERS = 1_000;

/** Guild reads: the guild, its channels, roles and members. */
export function guildRoutes(deps: RestDeps): RestRoute[] {
  const { store } = deps;
  const guildOf = (req: RestRequest) => {
    const guildId = req.params['guildId'] ?? '';
    const isMember = store.member(guildId, req.app?.botUserId ?? '') !== undefined;
    return store.guilds.has(guildId) && isMember ? guildId : null;
  };
  const major = ['guildId'];
  return [
    route('GET', '/guilds/:guildId', { major }, (req) => {
      const guildId = guildOf(req);
      if (guildId === null) return failed(DiscordErrors.unknownGuild());
      const counts =
        req.query.get('with_counts') === 'true'
          ? { approximate_member_count: store.guildMembers(guildId).length, approximate_presence_count: 0 }
          : {};
      return json({ ...guildJson(store, guildId), ...counts });
    }),
    route('GET', '/guilds/:guildId/channels', { major }, (req) => {
      const guildId = guildOf(req);
      return guildId === null
        ? failed(DiscordErrors.unknownGuild())
        : json(store.guildChannels(guildId).map(channelJson));
    }),
    route('GET', '/guilds/:guildId/roles', { major }, (req) => {
      const guildId = guildOf(req);
      return guildId === null
        ? failed(DiscordErrors.unknownGuild())
        : json(store.guildRoles(guildId).map(roleJson));
    }),
    route('GET', '/guilds/:guildId/members', { major }, (req) => {
      const guildId = guildOf(req);
      if (guildId === null) return failed(DiscordErrors.unknownGuild());
      const limit = Math.min(MAX_MEMBERS, Math.max(1, Number(req.query.get('limit') ?? 1) || 1));
      const after = req.query.get('after') ?? '0';
      const members = store
        .guildMembers(guildId)
        .filter((m) => BigInt(m.userId) > BigInt(/^\d+$/.test(after) ? after : '0'))
        .slice(0, limit);
      return json(members.map((m) => memberJson(store, m)));
    }),
    route('GET', '/guilds/:guildId/members/:userId', { major }, (req) => {
      const guildId = guildOf(req);
      if (guildId === null) return failed(DiscordErrors.unknownGuild());
      const member = store.member(guildId, req.params['userId'] ?? '');
      return member === undefined ? failed(DiscordErrors.unknownMember()) : json(memberJson(store, member));
    }),
  ];
}
