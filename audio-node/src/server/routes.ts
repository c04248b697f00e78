/** The REST route table. Parameters are the regex groups, in order. */
import { nodeInfo, PROTOCOL_VERSION } from '../rest/info.js';
import { deletePlayer, getPlayer, listPlayers, updatePlayer } from '../rest/player-routes.js';
import { updateSession } from '../rest/session-routes.js';
import { decodeMany, decodeOne, loadTracks } from '../rest/track-routes.js';
import { HttpError } from './http-error.js';
import type { NodeContext, RestRequest, RestResponse } from './node-context.js';

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  /**
   * `false` only for `/metrics` (counts, no secrets: a scraper needs no password) and `/artwork/{token}`
   * (unguessable tokens for covers the node already handed out: Discord and browsers send no header).
   */
  readonly auth: boolean;
  readonly handle: (req: RestRequest, node: NodeContext) => RestResponse | Promise<RestResponse>;
}

const SESSION = '/v4/sessions/([^/]+)';
const PLAYER = `${SESSION}/players/([^/]+)`;
const routePlannerDisabled = (): never => {
  throw new HttpError(500, "Can't access disabled route planner");
};

export const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: /^\/version$/,
    auth: true,
    handle: () => ({ status: 200, text: PROTOCOL_VERSION.semver }),
  },
  { method: 'GET', pattern: /^\/v4\/info$/, auth: true, handle: () => ({ status: 200, body: nodeInfo() }) },
  {
    method: 'GET',
    pattern: /^\/v4\/stats$/,
    auth: true,
    handle: (_req, node) => ({ status: 200, body: node.stats.build(false) }),
  },
  { method: 'GET', pattern: /^\/v4\/loadtracks$/, auth: true, handle: loadTracks },
  { method: 'GET', pattern: /^\/v4\/decodetrack$/, auth: true, handle: decodeOne },
  { method: 'POST', pattern: /^\/v4\/decodetracks$/, auth: true, handle: decodeMany },
  { method: 'GET', pattern: new RegExp(`^${SESSION}/players$`), auth: true, handle: listPlayers },
  { method: 'GET', pattern: new RegExp(`^${PLAYER}$`), auth: true, handle: getPlayer },
  { method: 'PATCH', pattern: new RegExp(`^${PLAYER}$`), auth: true, handle: updatePlayer },
  { method: 'DELETE', pattern: new RegExp(`^${PLAYER}$`), auth: true, handle: deletePlayer },
  { method: 'PATCH', pattern: new RegExp(`^${SESSION}$`), auth: true, handle: updateSession },
  { method: 'GET', pattern: /^\/v4\/routeplanner\/status$/, auth: true, handle: () => ({ status: 204 }) },
  {
    method: 'POST',
    pattern: /^\/v4\/routeplanner\/free\/address$/,
    auth: true,
    handle: routePlannerDisabled,
  },
  { method: 'POST', pattern: /^\/v4\/routeplanner\/free\/all$/, auth: true, handle: routePlannerDisabled },
  {
    method: 'GET',
    pattern: /^\/metrics$/,
    auth: false,
    handle: async (_req, node) => ({
      status: 200,
      text: await node.metrics.metrics(),
      contentType: node.metrics.contentType,
    }),
  },
  { method: 'GET', pattern: /^\/artwork\/([0-9a-f]{32})$/, auth: false, handle: artwork },
];

async function artwork(req: RestRequest, node: NodeContext): Promise<RestResponse> {
  const picture = await node.artwork.read(req.params[0] ?? '');
  if (picture === null) throw new HttpError(404, 'Artwork not found');
  return { status: 200, bytes: picture.data, contentType: picture.format };
}

/** A path parameter, percent-decoded when well-formed (a malformed escape is left as sent). */
function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The route for a method and path, or why there is none (unknown path: 404, other method: 405). */
export function matchRoute(
  method: string,
  path: string,
): { route: Route; params: string[] } | 'not-found' | 'method-not-allowed' {
  let pathMatched = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match === null) continue;
    pathMatched = true;
    if (route.method === method) return { route, params: match.slice(1).map(decodeParam) };
  }
  return pathMatched ? 'method-not-allowed' : 'not-found';
}
