import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@discord-bot/logger';
import { readBody } from '../http/read-body.js';
import { pathSegments } from '../http/route-pattern.js';
import { sendJson } from '../http/send-json.js';
import { DiscordErrors } from '../model/discord-error.js';
import type { SimApplication } from '../model/entities.js';
import { rateLimitHeaders, type RateLimiter } from './rate-limiter.js';
import type { InvalidRequestGuard } from './invalid-request-guard.js';
import type { RequestLog, RequestRecord } from './request-log.js';
import type { RestFaultSpec, RestFaults } from './rest-faults.js';
import type { RestRoute } from './rest-route.js';

export const REST_PREFIX = '/api/v10';

export interface RestHandlerDeps {
  readonly routes: readonly RestRoute[];
  readonly limiter: RateLimiter;
  readonly log: RequestLog;
  readonly faults: RestFaults;
  readonly bucketWindowScale: number;
  readonly invalidRequests: InvalidRequestGuard;
  readonly logger: Logger;
  /** The application for a bot token (created on first sight: any token is accepted). */
  applicationFor(token: string): SimApplication;
}

/** A request being answered; `client` (the remote address) keys the invalid-request ban, per IP as Discord's. */
type Entry = Omit<RequestRecord, 'seq' | 'status'> & { readonly client: string };

const BLOCKED_MESSAGE =
  'You are being blocked from accessing our API temporarily due to exceeding our rate limits frequently.';

function rateLimitedBody(retryAfterMs: number, global: boolean) {
  return {
    message: 'You are being rate limited.',
    retry_after: Number((retryAfterMs / 1000).toFixed(3)),
    global,
  };
}

function botToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  const match = /^Bot\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** Serves `/api/v10/*` as Discord does: auth, injected faults, global and bucket limits, then the route. */
export function createRestHandler(deps: RestHandlerDeps) {
  const finish = (
    res: ServerResponse,
    entry: Entry,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    const { client, ...record } = entry;
    deps.log.add({ ...record, status });
    deps.logger.debug({ method: record.method, path: record.route ?? record.path, status }, 'rest request');
    deps.invalidRequests.record(client, status, headers['x-ratelimit-scope']);
    sendJson(res, status, body, headers);
  };

  const faultReply = (res: ServerResponse, entry: Entry, fault: RestFaultSpec) => {
    const faulty = { ...entry, fault: true };
    if (fault.status === 429) {
      const retryAfterMs = (fault.retryAfter ?? 1) * 1000;
      const headers = {
        'retry-after': String(Math.ceil(retryAfterMs / 1000)),
        'x-ratelimit-scope': 'shared',
      };
      finish(
        res,
        { ...faulty, retryAfter: retryAfterMs / 1000 },
        429,
        rateLimitedBody(retryAfterMs, false),
        headers,
      );
      return;
    }
    finish(res, faulty, fault.status, { message: `${fault.status}: Simulated failure`, code: 0 });
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.slice(REST_PREFIX.length) || '/';
    const body = await readBody(req);
    const token = botToken(req);
    const app: SimApplication | null = token === null ? null : deps.applicationFor(token);
    const entry: Entry = {
      at: Date.now(),
      method,
      path,
      route: null,
      client: req.socket.remoteAddress ?? 'unknown',
      ...(app === null ? {} : { applicationId: app.id }),
    };
    const blockedMs = deps.invalidRequests.blockedFor(entry.client);
    if (blockedMs > 0) {
      const headers = { 'retry-after': String(Math.ceil(blockedMs / 1000)), 'x-ratelimit-scope': 'global' };
      const blocked = { ...rateLimitedBody(blockedMs, true), message: BLOCKED_MESSAGE, code: 0 };
      return finish(res, { ...entry, retryAfter: blockedMs / 1000, global: true }, 429, blocked, headers);
    }
    const segments = pathSegments(path);
    const candidates = segments === null ? [] : deps.routes.filter((r) => r.pattern.match(segments) !== null);
    const route = candidates.find((r) => r.method === method);
    if (route === undefined || segments === null) {
      const failure = candidates.length > 0 ? DiscordErrors.methodNotAllowed() : DiscordErrors.notFound();
      return finish(res, entry, failure.status, failure.body);
    }
    const params = route.pattern.match(segments) ?? {};
    const routed: Entry = { ...entry, route: `${method} ${route.pattern.template}` };
    if (route.auth === 'bot' && app === null) {
      const failure = DiscordErrors.unauthorized();
      return finish(res, routed, failure.status, failure.body);
    }
    const fault = deps.faults.take(method, path);
    if (fault !== null) return faultReply(res, routed, fault);

    const botKey = app?.id ?? 'anonymous';
    if (route.global && app !== null) {
      const waitMs = deps.limiter.takeGlobal(botKey);
      if (waitMs > 0) {
        const headers = {
          'retry-after': String(Math.ceil(waitMs / 1000)),
          'x-ratelimit-global': 'true',
          'x-ratelimit-scope': 'global',
        };
        const record = { ...routed, retryAfter: waitMs / 1000, global: true };
        return finish(res, record, 429, rateLimitedBody(waitMs, true), headers);
      }
    }
    const scopeKey = [botKey, ...route.major.map((name) => params[name] ?? '')].join(':');
    const bucket = deps.limiter.take(`${method} ${route.pattern.template}`, scopeKey, {
      limit: route.bucket.limit,
      windowMs: route.bucket.windowMs * deps.bucketWindowScale,
    });
    const headers = rateLimitHeaders(bucket, Date.now());
    const bucketed: Entry = { ...routed, bucket: bucket.hash };
    if (!bucket.allowed) {
      const limited = {
        ...headers,
        'retry-after': String(Math.ceil(bucket.retryAfterMs / 1000)),
        'x-ratelimit-scope': 'user',
      };
      const record = { ...bucketed, retryAfter: bucket.retryAfterMs / 1000, global: false };
      return finish(res, record, 429, rateLimitedBody(bucket.retryAfterMs, false), limited);
    }
    if (body.kind === 'invalid') {
      const failure = DiscordErrors.invalidJson();
      return finish(res, bucketed, failure.status, failure.body, headers);
    }
    try {
      const reply = route.handle({
        params,
        query: url.searchParams,
        body: body.kind === 'json' ? body.value : undefined,
        app,
      });
      finish(res, bucketed, reply.status, reply.body, headers);
    } catch (error) {
      deps.logger.error({ err: error, route: routed.route }, 'simulator route failed');
      finish(res, bucketed, 500, { message: '500: Internal Server Error', code: 0 }, headers);
    }
  };
}
