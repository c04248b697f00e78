/**
 * The REST request handler on plain `node:http`: a dozen fixed routes, Lavalink's exact error body and
 * headers, and a WebSocket upgrade on the same port are simpler to get byte-exact here than through a
 * framework's error/serialisation hooks, and it adds no dependency to an embedded component.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { passwordMatches } from './auth.js';
import { HttpError } from './http-error.js';
import type { NodeContext, RestRequest } from './node-context.js';
import { readJsonBody } from './read-body.js';
import { sendBytes, sendEmpty, sendError, sendJson, sendText } from './respond.js';
import { matchRoute } from './routes.js';

export function createRequestHandler(node: NodeContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(req, res, node);
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, node: NodeContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://node');
  const path = url.pathname;
  const trace = url.searchParams.get('trace') === 'true';
  const method = req.method ?? 'GET';
  const match = matchRoute(method, path);
  const needsAuth = typeof match === 'string' || match.route.auth;
  if (needsAuth) {
    const authorization = req.headers.authorization;
    if (authorization === undefined) return sendError(res, 401, 'Unauthorized', path);
    if (!passwordMatches(authorization, node.password)) return sendError(res, 403, 'Forbidden', path);
  }
  if (match === 'not-found') return sendError(res, 404, 'Not Found', path);
  if (match === 'method-not-allowed') return sendError(res, 405, 'Method Not Allowed', path);
  try {
    const body = method === 'PATCH' || method === 'POST' ? await readJsonBody(req) : undefined;
    const request: RestRequest = { method, path, params: match.params, query: url.searchParams, body };
    const response = await match.route.handle(request, node);
    if ('body' in response) sendJson(res, response.status, response.body);
    else if ('text' in response) sendText(res, response.status, response.text, response.contentType);
    else if ('bytes' in response) sendBytes(res, response.status, response.bytes, response.contentType);
    else sendEmpty(res, response.status);
  } catch (error) {
    if (error instanceof HttpError) {
      node.logger.debug({ path, status: error.status, msg: error.message }, 'REST request refused');
      return sendError(res, error.status, error.message, path, trace ? error.stack : undefined);
    }
    node.logger.error({ err: error, path, method }, 'REST handler failed');
    sendError(
      res,
      500,
      'Internal Server Error',
      path,
      trace && error instanceof Error ? error.stack : undefined,
    );
  }
}
