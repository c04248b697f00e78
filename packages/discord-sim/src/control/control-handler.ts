import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/read-body.js';
import { pathSegments } from '../http/route-pattern.js';
import { sendJson } from '../http/send-json.js';
import type { ControlDeps, ControlRoute } from './control-route.js';
import { diagnosticRoutes } from './diagnostic-routes.js';
import { Input, InputError } from './input.js';
import { interactionControlRoutes } from './interaction-control-routes.js';
import { worldRoutes } from './world-routes.js';

/** Serves `/_sim/*`: the control API tests and developers drive the simulated Discord with. */
export function createControlHandler(deps: ControlDeps) {
  const routes: ControlRoute[] = [
    ...worldRoutes(deps),
    ...interactionControlRoutes(deps),
    ...diagnosticRoutes(deps),
  ];

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const segments = pathSegments(url.pathname) ?? [];
    const candidates = routes.filter((r) => r.pattern.match(segments) !== null);
    const route = candidates.find((r) => r.method === method);
    const body = await readBody(req);
    if (route === undefined) {
      if (candidates.length > 0) return sendJson(res, 405, { message: `${method} is not allowed here` });
      return sendJson(res, 404, { message: `unknown control route ${method} ${url.pathname}` });
    }
    if (body.kind === 'invalid') return sendJson(res, 400, { message: `request body: ${body.reason}` });
    try {
      const reply = route.handle({
        params: route.pattern.match(segments) ?? {},
        query: url.searchParams,
        input: () => {
          const parsed = Input.of(body.kind === 'json' ? body.value : undefined);
          if (!parsed.ok) throw new InputError(parsed.error);
          return parsed.value;
        },
      });
      if (!reply.ok) return sendJson(res, reply.error.status, { message: reply.error.message });
      if ('text' in reply) {
        res.writeHead(200, { 'content-type': reply.contentType });
        res.end(reply.text);
        return;
      }
      sendJson(res, 200, reply.value);
    } catch (error) {
      if (error instanceof InputError) return sendJson(res, 400, { message: error.message });
      throw error;
    }
  };
}
