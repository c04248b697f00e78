import { ok } from '@discord-bot/errors';
import { controlRoute, type ControlDeps, type ControlRoute } from './control-route.js';
import { InputError } from './input.js';

const CHANNEL_TYPES = ['text', 'voice', 'stage'] as const;

/** Guilds, channels, users, roles, members, user messages and voice states. */
export function worldRoutes({ core }: ControlDeps): ControlRoute[] {
  return [
    controlRoute('POST', '/_sim/guilds', (req) => {
      const input = req.input();
      const ownerId = input.optionalString('ownerId');
      return core.guilds.createGuild({
        name: input.string('name'),
        ...(ownerId === undefined ? {} : { ownerId }),
      });
    }),
    controlRoute('DELETE', '/_sim/guilds/:guildId', (req) => {
      const result = core.guilds.deleteGuild(req.params['guildId'] ?? '');
      return result.ok ? ok({ ok: true }) : result;
    }),
    controlRoute('POST', '/_sim/channels', (req) => {
      const input = req.input();
      const type = input.optionalString('type') ?? 'text';
      const known = CHANNEL_TYPES.find((t) => t === type);
      if (known === undefined) throw new InputError('type must be text, voice or stage');
      return core.createChannel({
        guildId: input.string('guildId'),
        name: input.string('name'),
        type: known,
      });
    }),
    controlRoute('DELETE', '/_sim/channels/:channelId', (req) => {
      const result = core.guilds.deleteChannel(req.params['channelId'] ?? '');
      return result.ok ? ok({ ok: true }) : result;
    }),
    controlRoute('GET', '/_sim/channels/:channelId/messages', (req) =>
      core.channelMessages(req.params['channelId'] ?? ''),
    ),
    controlRoute('POST', '/_sim/messages', (req) => {
      const input = req.input();
      return core.postMessage({
        userId: input.string('userId'),
        channelId: input.string('channelId'),
        content: input.string('content'),
      });
    }),
    controlRoute('POST', '/_sim/users', (req) => {
      const input = req.input();
      const guildId = input.optionalString('guildId');
      const roles = input.optionalStrings('roles');
      const permissions = input.optionalString('permissions');
      return core.members.createUser({
        username: input.string('username'),
        ...(guildId === undefined ? {} : { guildId }),
        ...(roles === undefined ? {} : { roles }),
        ...(permissions === undefined ? {} : { permissions }),
      });
    }),
    controlRoute('POST', '/_sim/roles', (req) => {
      const input = req.input();
      return core.guilds.createRole({
        guildId: input.string('guildId'),
        name: input.string('name'),
        permissions: input.string('permissions'),
      });
    }),
    controlRoute('PATCH', '/_sim/roles/:roleId', (req) => {
      const input = req.input();
      const name = input.optionalString('name');
      const permissions = input.optionalString('permissions');
      const result = core.guilds.updateRole({
        roleId: req.params['roleId'] ?? '',
        ...(name === undefined ? {} : { name }),
        ...(permissions === undefined ? {} : { permissions }),
      });
      return result.ok ? ok({ ok: true }) : result;
    }),
    controlRoute('PATCH', '/_sim/guilds/:guildId/members/:userId', (req) => {
      const input = req.input();
      const roles = input.optionalStrings('roles');
      const nick = input.optionalString('nick');
      const result = core.members.updateMember({
        guildId: req.params['guildId'] ?? '',
        userId: req.params['userId'] ?? '',
        ...(roles === undefined ? {} : { roles }),
        ...(nick === undefined ? {} : { nick }),
      });
      return result.ok ? ok({ ok: true }) : result;
    }),
    controlRoute('POST', '/_sim/guilds/:guildId/members', (req) => {
      const input = req.input();
      const result = core.members.joinGuild(
        req.params['guildId'] ?? '',
        input.string('userId'),
        input.optionalStrings('roles') ?? [],
      );
      return result.ok ? ok({ ok: true }) : result;
    }),
    controlRoute('DELETE', '/_sim/guilds/:guildId/members/:userId', (req) => {
      const result = core.members.kickMember(req.params['guildId'] ?? '', req.params['userId'] ?? '');
      return result.ok ? ok({ ok: true }) : result;
    }),
    controlRoute('POST', '/_sim/voice', (req) => {
      const input = req.input();
      return core.setVoiceState({
        userId: input.string('userId'),
        guildId: input.string('guildId'),
        channelId: input.nullableString('channelId'),
      });
    }),
  ];
}
