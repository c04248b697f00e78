import type { LeftOut } from '@discord-bot/messaging';
import { formatDuration } from './format-duration.js';

/**
 * What a playlist lost to the guild's rules, for the `/play` answer: empty when nothing was left out.
 *
 * @example
 * describeLeftOut({ tooLong: 2, duplicates: 0, queueFull: 3, maxTrackDurationMs: 600_000 })
 * // ' (left out: 2 longer than 10:00, 3 beyond the queue limit)'
 */
export function describeLeftOut(leftOut: LeftOut): string {
  const parts: string[] = [];
  if (leftOut.tooLong > 0) {
    const limit =
      leftOut.maxTrackDurationMs === null ? 'the limit' : formatDuration(leftOut.maxTrackDurationMs);
    parts.push(`${leftOut.tooLong} longer than ${limit}`);
  }
  if (leftOut.duplicates > 0) parts.push(`${leftOut.duplicates} already queued`);
  if (leftOut.queueFull > 0) parts.push(`${leftOut.queueFull} beyond the queue limit`);
  return parts.length === 0 ? '' : ` (left out: ${parts.join(', ')})`;
}
