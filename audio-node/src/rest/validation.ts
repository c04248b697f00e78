/** Small checkers for client JSON: each returns an error message naming the field, or `null` when fine. */

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `null` when `value` is absent or a finite number in [min, max] (bounds inclusive unless `exclusiveMin`). */
export function checkNumber(
  field: string,
  value: unknown,
  range: { min?: number; max?: number; exclusiveMin?: boolean; integer?: boolean } = {},
): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${field} must be a number`;
  if (range.integer === true && !Number.isInteger(value)) return `${field} must be an integer`;
  const { min, max } = range;
  if (min !== undefined && (range.exclusiveMin === true ? value <= min : value < min)) {
    return `${field} must be ${range.exclusiveMin === true ? 'greater than' : 'at least'} ${min}, got ${value}`;
  }
  if (max !== undefined && value > max) return `${field} must be at most ${max}, got ${value}`;
  return null;
}
