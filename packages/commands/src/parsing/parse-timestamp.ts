import { err, ok, type Result } from '@discord-bot/errors';

/** Longest position accepted: 24 h, beyond any track a bot plays. */
const MAX_TIMESTAMP_MS = 24 * 60 * 60 * 1000;

/**
 * Parses a position typed by a user: `83`, `1:23`, `01:02:03`, or `1m23s`, into milliseconds.
 *
 * @example
 * parseTimestamp('1:23') // ok(83_000)
 */
export function parseTimestamp(input: string | number): Result<number, string> {
  const text = String(input).trim().toLowerCase();
  let seconds: number | undefined;
  if (/^\d+(\.\d+)?$/.test(text)) {
    seconds = Number(text);
  } else if (/^\d{1,3}(:[0-5]?\d){1,2}$/.test(text)) {
    seconds = text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  } else {
    const match = /^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?$/.exec(text);
    if (match !== null && text !== '') {
      seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
    }
  }
  if (seconds === undefined)
    return err(`"${String(input).slice(0, 20)}" is not a time: use 83, 1:23 or 1m23s`);
  const ms = Math.round(seconds * 1000);
  if (ms > MAX_TIMESTAMP_MS) return err('that position is too far');
  return ok(ms);
}
