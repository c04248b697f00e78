import { DiscordErrors } from '../../model/discord-error.js';
import { userJson } from '../../model/serialize.js';
import { failed, json, route, type RestDeps, type RestRoute } from '../rest-route.js';

/** The bot's own user and application, and user lookups. */
export function userRoutes(deps: RestDeps): RestRoute[] {
  const applicationJson = (appId: string) => {
    const app = deps.store.applications.get(appId);
    const bot = app === undefined ? undefined : deps.store.users.get(app.botUserId);
    if (app === undefined || bot === undefined) return failed(DiscordErrors.unknownApplication());
    return json({
      id: app.id,
      name: app.name,
      icon: null,
      description: '',
      bot_public: true,
      bot_require_code_grant: false,
      bot: userJson(bot),
      flags: 0,
      verify_key: '0'.repeat(64),
      team: null,
      owner: userJson(bot),
      approximate_guild_count: deps.store.guildsOf(app.botUserId).length,
    });
  };
  return [
    route('GET', '/users/@me', {}, (req) => {
      const user = deps.store.users.get(req.app?.botUserId ?? '');
      return user === undefined ? failed(DiscordErrors.unknownUser()) : json(userJson(user));
    }),
    route('GET', '/users/:userId', {}, (req) => {
      const user = deps.store.users.get(req.params['userId'] ?? '');
      return user === undefined ? failed(DiscordErrors.unknownUser()) : json(userJson(user));
    }),
    route('GET', '/applications/@me', {}, (req) => applicationJson(req.app?.id ?? '')),
    route('GET', '/oauth2/applications/@me', {}, (req) => applicationJson(req.app?.id ?? '')),
  ];
}
