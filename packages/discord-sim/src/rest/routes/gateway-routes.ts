import { json, route, type RestDeps, type RestRoute } from '../rest-route.js';

const DAY_MS = 86_400_000;

/** `GET /gateway` and `GET /gateway/bot`: where to connect, how many shards, identifies left. */
export function gatewayRoutes(deps: RestDeps): RestRoute[] {
  return [
    route('GET', '/gateway', { auth: 'none' }, () => json({ url: deps.gatewayUrl() })),
    route('GET', '/gateway/bot', { bucket: { limit: 5, windowMs: 5_000 } }, (req) =>
      json({
        url: deps.gatewayUrl(),
        shards: deps.limits.recommendedShards,
        session_start_limit: {
          total: deps.limits.sessionStartLimit,
          remaining: deps.sessionStartsRemaining(req.app?.id ?? ''),
          reset_after: DAY_MS,
          max_concurrency: deps.limits.maxConcurrency,
        },
      }),
    ),
  ];
}
