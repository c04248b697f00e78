import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time password comparison (hashing first makes lengths equal). */
export function passwordMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
