import { RoutePattern } from '../http/route-pattern.js';
import type { SimResult } from '../model/sim-failure.js';
import type { SimulatorCore } from '../simulator-core.js';
import type { Input } from './input.js';

export interface ControlRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The JSON body; reading a field that is missing or mistyped answers 400. */
  readonly input: () => Input;
}

/** A control answer: JSON, or text (the CA PEM). */
export type ControlReply =
  SimResult<unknown> | { readonly ok: true; readonly text: string; readonly contentType: string };

export interface ControlRoute {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly pattern: RoutePattern;
  handle(request: ControlRequest): ControlReply;
}

export interface ControlDeps {
  readonly core: SimulatorCore;
  /** The simulator CA certificate (PEM) the voice server's TLS chains to. */
  caPem(): string;
}

export function controlRoute(
  method: ControlRoute['method'],
  template: string,
  handle: (request: ControlRequest) => ControlReply,
): ControlRoute {
  return { method, pattern: new RoutePattern(template), handle };
}
