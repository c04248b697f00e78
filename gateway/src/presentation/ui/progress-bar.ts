import { PROGRESS_BAR_WIDTH } from '../../constants.js';
import { formatDuration } from './format-duration.js';

/**
 * A text progress bar with times, e.g. `1:23 ▬▬▬▬🔘▬▬▬▬▬▬ 3:45`; a live stream shows `LIVE`.
 *
 * @example
 * progressBar(30_000, 120_000) // '0:30 ▬▬▬▬🔘▬▬▬▬▬▬▬▬▬▬▬ 2:00'
 */
export function progressBar(positionMs: number, durationMs: number, isStream = false): string {
  if (isStream || durationMs <= 0) return `${formatDuration(positionMs)} 🔴 LIVE`;
  const ratio = Math.min(1, Math.max(0, positionMs / durationMs));
  const knob = Math.min(PROGRESS_BAR_WIDTH - 1, Math.floor(ratio * PROGRESS_BAR_WIDTH));
  const bar = '▬'.repeat(knob) + '🔘' + '▬'.repeat(PROGRESS_BAR_WIDTH - 1 - knob);
  return `${formatDuration(Math.min(positionMs, durationMs))} ${bar} ${formatDuration(durationMs)}`;
}
