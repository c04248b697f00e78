import { HttpError } from '../server/http-error.js';
import type { NodeContext, RestRequest, RestResponse } from '../server/node-context.js';
import type { Session } from '../sessions/session.js';
import { checkNumber, isObject } from './validation.js';

/** The session a `/v4/sessions/{id}/...` route names; 404 when unknown or paused. */
export function activeSession(req: RestRequest, node: NodeContext): Session {
  const session = node.registry.getActive(req.params[0] ?? '');
  if (session === undefined) throw new HttpError(404, 'Session not found');
  return session;
}

/** `PATCH /v4/sessions/{id}`: `{resuming?, timeout?}` (timeout in seconds). */
export function updateSession(req: RestRequest, node: NodeContext): RestResponse {
  const session = activeSession(req, node);
  if (!isObject(req.body)) throw new HttpError(400, 'Body must be a JSON object');
  const { resuming, timeout } = req.body;
  if (resuming !== undefined && resuming !== null && typeof resuming !== 'boolean')
    throw new HttpError(400, 'resuming must be a boolean');
  const problem = checkNumber('timeout', timeout ?? undefined, { min: 0, integer: true });
  if (problem !== null) throw new HttpError(400, problem);
  if (typeof resuming === 'boolean') session.resuming = resuming;
  if (typeof timeout === 'number') session.timeoutSeconds = timeout;
  return { status: 200, body: { resuming: session.resuming, timeout: session.timeoutSeconds } };
}
