import type { Track } from '@discord-bot/messaging';
import { formatDuration } from './format-duration.js';

/** Discord markdown characters that would change how a title renders. */
const MARKDOWN = /[\\*_~`|>[\]()]/g;

/** A track as one line of a reply: `**Title** by Artist (3:45)`, markdown in titles escaped. */
export function describeTrack(track: Track): string {
  const title = track.title.replace(MARKDOWN, '\\$&');
  const author = track.author.replace(MARKDOWN, '\\$&');
  const length = track.isStream ? 'live' : formatDuration(track.durationMs);
  return `**${title}** by ${author} (${length})`;
}
