import type { RestFailure } from '../../model/discord-error.js';
import {
  failed,
  json,
  noContent,
  route,
  type RestDeps,
  type RestReply,
  type RestRoute,
} from '../rest-route.js';

const CALLBACK_BUCKET = { limit: 5, windowMs: 1_000 };
const WEBHOOK_BUCKET = { limit: 5, windowMs: 2_000 };

function reply<T>(
  outcome: { ok: true; value: T } | { ok: false; error: RestFailure },
  empty = false,
): RestReply {
  if (!outcome.ok) return failed(outcome.error);
  return empty || outcome.value === null ? noContent() : json(outcome.value);
}

/** Interaction callbacks and the interaction webhook (`@original`, follow-ups). No bot token needed. */
export function interactionRoutes(deps: RestDeps): RestRoute[] {
  const { responder } = deps;
  const webhook = { auth: 'none', bucket: WEBHOOK_BUCKET, major: ['appId', 'token'] } as const;
  const p = (params: Readonly<Record<string, string>>, key: string) => params[key] ?? '';
  return [
    route(
      'POST',
      '/interactions/:interactionId/:token/callback',
      { auth: 'none', bucket: CALLBACK_BUCKET, major: ['interactionId'] },
      (req) =>
        reply(
          responder.callback(
            p(req.params, 'interactionId'),
            p(req.params, 'token'),
            req.body,
            req.query.get('with_response') === 'true',
          ),
        ),
    ),
    route('POST', '/webhooks/:appId/:token', webhook, (req) => {
      const outcome = responder.followUp(p(req.params, 'appId'), p(req.params, 'token'), req.body);
      return reply(outcome, req.query.get('wait') !== 'true');
    }),
    route('GET', '/webhooks/:appId/:token/messages/:messageId', webhook, (req) =>
      reply(responder.getMessage(p(req.params, 'appId'), p(req.params, 'token'), p(req.params, 'messageId'))),
    ),
    route('PATCH', '/webhooks/:appId/:token/messages/:messageId', webhook, (req) =>
      reply(
        responder.editMessage(
          p(req.params, 'appId'),
          p(req.params, 'token'),
          p(req.params, 'messageId'),
          req.body,
        ),
      ),
    ),
    route('DELETE', '/webhooks/:appId/:token/messages/:messageId', webhook, (req) =>
      reply(
        responder.deleteMessage(p(req.params, 'appId'), p(req.params, 'token'), p(req.params, 'messageId')),
        true,
      ),
    ),
  ];
}
