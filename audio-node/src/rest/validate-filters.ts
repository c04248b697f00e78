/**
 * Checks a client's `filters` object against Lavalink's documented ranges and returns the engine's
 * {@link Filters}. Lavalink itself does not range-check (it fails later in the DSP); this node answers 400
 * with the offending field instead. Unknown keys are ignored; a `null` filter means "off".
 */
import { err, ok, type Result } from '@discord-bot/errors';
import type { Filters } from '../engine/engine-contract.js';
import { checkNumber, isObject, type Json } from './validation.js';

/** Filter names listed in `/v4/info`. */
export const SUPPORTED_FILTERS = [
  'volume',
  'equalizer',
  'karaoke',
  'timescale',
  'tremolo',
  'vibrato',
  'distortion',
  'rotation',
  'channelMix',
  'lowPass',
] as const;

type Range = Parameters<typeof checkNumber>[2];
const ANY: Range = {};
const UNIT: Range = { min: 0, max: 1 };
const POSITIVE: Range = { min: 0, exclusiveMin: true };

const OBJECT_FILTERS: Record<string, Record<string, Range>> = {
  karaoke: { level: UNIT, monoLevel: UNIT, filterBand: { min: 0 }, filterWidth: { min: 0 } },
  // A zero speed, pitch or rate would stall the resampler: refused although Lavalink documents >= 0.
  timescale: { speed: POSITIVE, pitch: POSITIVE, rate: POSITIVE },
  tremolo: { frequency: POSITIVE, depth: { min: 0, max: 1, exclusiveMin: true } },
  vibrato: {
    frequency: { min: 0, max: 14, exclusiveMin: true },
    depth: { min: 0, max: 1, exclusiveMin: true },
  },
  rotation: { rotationHz: ANY },
  distortion: {
    sinOffset: ANY,
    sinScale: ANY,
    cosOffset: ANY,
    cosScale: ANY,
    tanOffset: ANY,
    tanScale: ANY,
    offset: ANY,
    scale: ANY,
  },
  channelMix: { leftToLeft: UNIT, leftToRight: UNIT, rightToLeft: UNIT, rightToRight: UNIT },
  lowPass: { smoothing: { min: 0 } },
};

function pickNumbers(
  name: string,
  value: Json,
  fields: Record<string, Range>,
): Result<Record<string, number>, string> {
  const out: Record<string, number> = {};
  for (const [field, range] of Object.entries(fields)) {
    const problem = checkNumber(`filters.${name}.${field}`, value[field] ?? undefined, range);
    if (problem !== null) return err(problem);
    const number = value[field];
    if (typeof number === 'number') out[field] = number;
  }
  return ok(out);
}

function validateEqualizer(value: unknown): Result<{ band: number; gain: number }[], string> {
  if (!Array.isArray(value)) return err('filters.equalizer must be an array');
  const bands = new Map<number, number>();
  for (const [index, entry] of value.entries()) {
    // lavalink-client's setEQ stores bands at their index and sends the holes as null. Lavalink's decoder
    // refuses them with a 400 the client ignores, and the client resends the same array with every later
    // filter change, so refusing would silently freeze all of that player's filters.
    if (entry === null) continue;
    if (!isObject(entry)) return err(`filters.equalizer[${index}] must be an object`);
    const problem =
      checkNumber(`filters.equalizer[${index}].band`, entry.band, { min: 0, max: 14, integer: true }) ??
      checkNumber(`filters.equalizer[${index}].gain`, entry.gain, { min: -0.25, max: 1 });
    if (problem !== null) return err(problem);
    if (typeof entry.band !== 'number') return err(`filters.equalizer[${index}].band is required`);
    bands.set(entry.band, typeof entry.gain === 'number' ? entry.gain : 0);
  }
  return ok([...bands.entries()].map(([band, gain]) => ({ band, gain })));
}

/** Validates a `filters` object; the result replaces all filters of the player. */
export function validateFilters(input: unknown): Result<Filters, string> {
  if (!isObject(input)) return err('filters must be an object');
  const filters: Record<string, unknown> = {};
  if (input.volume !== undefined && input.volume !== null) {
    const problem = checkNumber('filters.volume', input.volume, { min: 0, max: 5 });
    if (problem !== null) return err(problem);
    filters.volume = input.volume;
  }
  if (input.equalizer !== undefined && input.equalizer !== null) {
    const bands = validateEqualizer(input.equalizer);
    if (!bands.ok) return bands;
    filters.equalizer = bands.value;
  }
  for (const [name, fields] of Object.entries(OBJECT_FILTERS)) {
    const value = input[name];
    if (value === undefined || value === null) continue;
    if (!isObject(value)) return err(`filters.${name} must be an object`);
    const picked = pickNumbers(name, value, fields);
    if (!picked.ok) return picked;
    filters[name] = picked.value;
  }
  if (input.pluginFilters !== undefined && input.pluginFilters !== null) {
    if (!isObject(input.pluginFilters)) return err('filters.pluginFilters must be an object');
    filters.pluginFilters = input.pluginFilters;
  }
  return ok(filters as Filters);
}
