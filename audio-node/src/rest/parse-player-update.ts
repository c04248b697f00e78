/**
 * Parses `PATCH /v4/sessions/{id}/players/{guildId}` bodies with Lavalink 4.2's rules: deprecated top-level
 * `encodedTrack`/`identifier` still accepted but not mixed with `track`; `encoded` and `identifier` exclusive;
 * `endTime` > 0 or null; voice needs all four fields. Unknown keys are ignored.
 */
import { err, ok, type Result } from '@discord-bot/errors';
import type { Filters } from '../engine/engine-contract.js';
import { validateFilters } from './validate-filters.js';
import { checkNumber, isObject, type Json } from './validation.js';

export interface VoiceState {
  readonly token: string;
  readonly endpoint: string;
  readonly sessionId: string;
  readonly channelId: string;
}

/** What the client asked for a track: a new one (encoded or identifier), a stop, or nothing. */
export type TrackRequest =
  | { readonly kind: 'encoded'; readonly encoded: string; readonly userData?: Json }
  | { readonly kind: 'identifier'; readonly identifier: string; readonly userData?: Json }
  | { readonly kind: 'stop' }
  | { readonly kind: 'userData'; readonly userData: Json };

export interface PlayerUpdate {
  readonly track?: TrackRequest;
  readonly position?: number;
  readonly endTime?: number | null;
  readonly volume?: number;
  readonly paused?: boolean;
  readonly filters?: Filters;
  readonly voice?: VoiceState;
}

function parseTrack(body: Json): Result<TrackRequest | undefined, string> {
  const hasDeprecated = body.encodedTrack !== undefined || body.identifier !== undefined;
  if (body.track !== undefined && hasDeprecated) {
    return err('Cannot specify both track and encodedTrack/identifier');
  }
  const source: Json =
    body.track === undefined
      ? { encoded: body.encodedTrack, identifier: body.identifier }
      : isObject(body.track)
        ? body.track
        : {};
  if (body.track !== undefined && !isObject(body.track)) return err('track must be an object');
  const { encoded, identifier, userData } = source;
  if (encoded !== undefined && identifier !== undefined)
    return err('Cannot specify both encoded and identifier');
  if (userData !== undefined && !isObject(userData)) return err('track.userData must be an object');
  const extra = userData === undefined ? {} : { userData };
  if (encoded === null) return ok({ kind: 'stop' });
  if (typeof encoded === 'string') return ok({ kind: 'encoded', encoded, ...extra });
  if (encoded !== undefined) return err('track.encoded must be a string or null');
  if (typeof identifier === 'string') return ok({ kind: 'identifier', identifier, ...extra });
  if (identifier !== undefined) return err('track.identifier must be a string');
  return ok(userData === undefined ? undefined : { kind: 'userData', userData });
}

function parseVoice(value: unknown): Result<VoiceState, string> {
  if (!isObject(value)) return err('voice must be an object');
  const missing = (['token', 'endpoint', 'sessionId', 'channelId'] as const).filter(
    (key) => typeof value[key] !== 'string' || value[key] === '',
  );
  if (missing.length > 0)
    return err(
      `voice is missing ${missing.join(', ')} (all of token, endpoint, sessionId and channelId are required)`,
    );
  return ok({
    token: value.token as string,
    endpoint: value.endpoint as string,
    sessionId: value.sessionId as string,
    channelId: value.channelId as string,
  });
}

export function parsePlayerUpdate(body: unknown): Result<PlayerUpdate, string> {
  if (!isObject(body)) return err('Body must be a JSON object');
  const update: { -readonly [K in keyof PlayerUpdate]: PlayerUpdate[K] } = {};
  const track = parseTrack(body);
  if (!track.ok) return track;
  if (track.value !== undefined) update.track = track.value;
  const problem =
    checkNumber('position', body.position ?? undefined, { min: 0 }) ??
    checkNumber('volume', body.volume ?? undefined, { min: 0, max: 1000, integer: true }) ??
    (body.endTime === null ? null : checkNumber('endTime', body.endTime, { min: 0, exclusiveMin: true }));
  if (problem !== null) return err(problem);
  if (typeof body.position === 'number') update.position = Math.round(body.position);
  if (typeof body.volume === 'number') update.volume = body.volume;
  if (body.endTime === null) update.endTime = null;
  else if (typeof body.endTime === 'number') update.endTime = Math.round(body.endTime);
  if (body.paused !== undefined && body.paused !== null) {
    if (typeof body.paused !== 'boolean') return err('paused must be a boolean');
    update.paused = body.paused;
  }
  if (body.filters !== undefined && body.filters !== null) {
    const filters = validateFilters(body.filters);
    if (!filters.ok) return filters;
    update.filters = filters.value;
  }
  if (body.voice !== undefined && body.voice !== null) {
    const voice = parseVoice(body.voice);
    if (!voice.ok) return voice;
    update.voice = voice.value;
  }
  return ok(update);
}
