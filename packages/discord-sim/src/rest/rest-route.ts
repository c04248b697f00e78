import type { SimulatorLimits } from '../constants.js';
import { RoutePattern } from '../http/route-pattern.js';
import type { InteractionResponder } from '../interactions/interaction-responder.js';
import type { RestFailure } from '../model/discord-error.js';
import type { SimApplication } from '../model/entities.js';
import type { MessageService } from '../model/message-service.js';
import type { SimStore } from '../model/sim-store.js';
import type { BucketSpec } from './rate-limiter.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RestRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** The bot behind `Authorization: Bot <token>`; routes with `auth: 'bot'` always have one. */
  readonly app: SimApplication | null;
}

export interface RestReply {
  readonly status: number;
  readonly body?: unknown;
}

export interface RestRoute {
  readonly method: HttpMethod;
  readonly pattern: RoutePattern;
  /** `bot`: needs `Authorization: Bot <token>`; `none`: interaction and webhook routes (the token is in the path). */
  readonly auth: 'bot' | 'none';
  readonly bucket: BucketSpec;
  /** Parameters that scope the bucket (Discord's major parameters). */
  readonly major: readonly string[];
  /** Interaction callbacks and token webhooks do not count against the global limit. */
  readonly global: boolean;
  handle(request: RestRequest): RestReply;
}

/** What route handlers work with. */
export interface RestDeps {
  readonly store: SimStore;
  readonly messages: MessageService;
  readonly responder: InteractionResponder;
  readonly limits: SimulatorLimits;
  /** The gateway URL `/gateway/bot` hands out. */
  gatewayUrl(): string;
  /** Identifies left today for an application (`session_start_limit.remaining`). */
  sessionStartsRemaining(applicationId: string): number;
}

export interface RouteOptions {
  readonly auth?: 'bot' | 'none';
  readonly bucket?: BucketSpec;
  readonly major?: readonly string[];
  readonly global?: boolean;
}

/** A generous bucket for reads, as Discord gives most GET routes. */
export const READ_BUCKET: BucketSpec = { limit: 50, windowMs: 1_000 };

/** Declares a route. */
export function route(
  method: HttpMethod,
  template: string,
  options: RouteOptions,
  handle: (request: RestRequest) => RestReply,
): RestRoute {
  return {
    method,
    pattern: new RoutePattern(template),
    auth: options.auth ?? 'bot',
    bucket: options.bucket ?? READ_BUCKET,
    major: options.major ?? [],
    global: options.global ?? (options.auth ?? 'bot') === 'bot',
    handle,
  };
}

export function json(body: unknown, status = 200): RestReply {
  return { status, body };
}

export function noContent(): RestReply {
  return { status: 204 };
}

export function failed(failure: RestFailure): RestReply {
  return { status: failure.status, body: failure.body };
}
