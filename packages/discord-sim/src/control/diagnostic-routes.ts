import { ok } from '@discord-bot/errors';
import type { FaultSpec } from '../faults.js';
import { controlRoute, type ControlDeps, type ControlRoute } from './control-route.js';
import { InputError, type Input } from './input.js';

const DEFAULT_AUDIO_WINDOW_MS = 1_000;

function parseFault(input: Input): FaultSpec {
  const kind = input.string('kind');
  switch (kind) {
    case 'gateway-disconnect': {
      const code = input.optionalInteger('code');
      return code === undefined ? { kind } : { kind, code };
    }
    case 'gateway-reconnect':
      return { kind };
    case 'invalid-session': {
      const resumable = input.optionalBoolean('resumable');
      return resumable === undefined ? { kind } : { kind, resumable };
    }
    case 'rest-errors': {
      const route = input.optionalString('route');
      const retryAfter = input.optionalNumber('retryAfter');
      return {
        kind,
        status: input.integer('status'),
        count: input.optionalInteger('count') ?? 1,
        ...(route === undefined ? {} : { route }),
        ...(retryAfter === undefined ? {} : { retryAfter }),
      };
    }
    case 'voice-close':
      return { kind, guildId: input.string('guildId'), code: input.integer('code') };
    case 'voice-server-crash': {
      const guildId = input.optionalString('guildId');
      return guildId === undefined ? { kind } : { kind, guildId };
    }
    default:
      throw new InputError(
        'kind must be gateway-disconnect, gateway-reconnect, invalid-session, rest-errors, voice-close or voice-server-crash',
      );
  }
}

/** State, audio analysis, recorded requests, faults and the CA certificate. */
export function diagnosticRoutes(deps: ControlDeps): ControlRoute[] {
  const { core } = deps;
  return [
    controlRoute('GET', '/_sim/state', () => ok(core.state())),
    controlRoute('GET', '/_sim/ca.pem', () => ({
      ok: true,
      text: deps.caPem(),
      contentType: 'application/x-pem-file',
    })),
    controlRoute('GET', '/_sim/voice/:guildId/audio', (req) => {
      const windowMs = Number(req.query.get('windowMs') ?? DEFAULT_AUDIO_WINDOW_MS);
      return core.audio(req.params['guildId'] ?? '', windowMs);
    }),
    controlRoute('GET', '/_sim/requests', (req) => {
      const since = req.query.get('since');
      return ok(core.requests(since === null ? undefined : Number(since)));
    }),
    controlRoute('POST', '/_sim/faults', (req) => core.fault(parseFault(req.input()))),
  ];
}
