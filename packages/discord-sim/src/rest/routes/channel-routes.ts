import { err, ok, type Result } from '@discord-bot/errors';
import { DiscordErrors, type RestFailure } from '../../model/discord-error.js';
import type { SimChannel, SimMessage } from '../../model/entities.js';
import { validateMessage } from '../../model/message-validation.js';
import { PermissionBits, hasPermission } from '../../model/permissions.js';
import { channelJson, messageJson } from '../../model/serialize.js';
import {
  failed,
  json,
  noContent,
  route,
  type RestDeps,
  type RestRequest,
  type RestRoute,
} from '../rest-route.js';

const MESSAGE_BUCKET = { limit: 5, windowMs: 5_000 };
const MAX_FETCH = 100;

/** Channel reads and the bot's channel messages. */
export function channelRoutes(deps: RestDeps): RestRoute[] {
  const { store, messages } = deps;

  const visibleChannel = (req: RestRequest, required: bigint): Result<SimChannel, RestFailure> => {
    const channel = store.channels.get(req.params['channelId'] ?? '');
    const botId = req.app?.botUserId ?? '';
    if (channel === undefined || store.member(channel.guildId, botId) === undefined) {
      return err(DiscordErrors.unknownChannel());
    }
    const perms = store.memberPermissions(channel.guildId, botId);
    if (!hasPermission(perms, PermissionBits.ViewChannel)) return err(DiscordErrors.missingAccess());
    if (!hasPermission(perms, required)) return err(DiscordErrors.missingPermissions());
    return ok(channel);
  };

  const message = (req: RestRequest, required: bigint): Result<SimMessage, RestFailure> => {
    const channel = visibleChannel(req, required);
    if (!channel.ok) return channel;
    const found = store.messages.get(req.params['messageId'] ?? '');
    if (found?.channelId !== channel.value.id || found.ephemeral) return err(DiscordErrors.unknownMessage());
    return ok(found);
  };

  const major = ['channelId'];
  return [
    route('GET', '/channels/:channelId', { major }, (req) => {
      const channel = visibleChannel(req, 0n);
      return channel.ok ? json(channelJson(channel.value)) : failed(channel.error);
    }),
    route('GET', '/channels/:channelId/messages', { major, bucket: MESSAGE_BUCKET }, (req) => {
      const channel = visibleChannel(req, PermissionBits.ReadMessageHistory);
      if (!channel.ok) return failed(channel.error);
      const limit = Math.min(MAX_FETCH, Math.max(1, Number(req.query.get('limit') ?? 50) || 50));
      const list = store.channelMessages(channel.value.id).reverse().slice(0, limit);
      return json(list.map((m) => messageJson(store, m)));
    }),
    route('GET', '/channels/:channelId/messages/:messageId', { major, bucket: MESSAGE_BUCKET }, (req) => {
      const found = message(req, PermissionBits.ReadMessageHistory);
      return found.ok ? json(messageJson(store, found.value)) : failed(found.error);
    }),
    route('POST', '/channels/:channelId/messages', { major, bucket: MESSAGE_BUCKET }, (req) => {
      const channel = visibleChannel(req, PermissionBits.SendMessages);
      if (!channel.ok) return failed(channel.error);
      const input = validateMessage(req.body, true);
      if (!input.ok) return { status: 400, body: input.error };
      const created = messages.create({
        channelId: channel.value.id,
        authorId: req.app?.botUserId ?? '',
        input: { ...input.value, flags: (input.value.flags ?? 0) & ~64 },
        ...(req.app === null ? {} : { applicationId: req.app.id }),
      });
      return json(messageJson(store, created));
    }),
    route('PATCH', '/channels/:channelId/messages/:messageId', { major, bucket: MESSAGE_BUCKET }, (req) => {
      const found = message(req, 0n);
      if (!found.ok) return failed(found.error);
      if (found.value.authorId !== req.app?.botUserId) return failed(DiscordErrors.cannotEditOthers());
      const input = validateMessage(req.body, false);
      if (!input.ok) return { status: 400, body: input.error };
      return json(messageJson(store, messages.edit(found.value, input.value)));
    }),
    route('DELETE', '/channels/:channelId/messages/:messageId', { major, bucket: MESSAGE_BUCKET }, (req) => {
      const found = message(req, 0n);
      if (!found.ok) return failed(found.error);
      const perms = store.memberPermissions(found.value.guildId ?? '', req.app?.botUserId ?? '');
      if (
        found.value.authorId !== req.app?.botUserId &&
        !hasPermission(perms, PermissionBits.ManageMessages)
      ) {
        return failed(DiscordErrors.missingPermissions());
      }
      messages.delete(found.value);
      return noContent();
    }),
  ];
}
