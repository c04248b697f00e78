import type { SearchSourceName } from '@discord-bot/database';
import { err, ok, type Result } from '@discord-bot/errors';

/**
 * A search prefix, the name a guild picks it by (its default search source), and the node source it needs
 * (as listed in `/v4/info` `sourceManagers`).
 */
interface SearchSource {
  readonly name: SearchSourceName;
  readonly prefix: string;
  readonly source: string;
  readonly label: string;
}

/**
 * Search prefixes in the order a plain query tries them: the guild's default search source first when the
 * nodes have it, else the first source the nodes list; the others are fallbacks when it finds nothing.
 */
export const SEARCH_SOURCES: readonly SearchSource[] = [
  { name: 'youtube', prefix: 'ytsearch:', source: 'youtube', label: 'YouTube' },
  { name: 'youtubemusic', prefix: 'ytmsearch:', source: 'youtube', label: 'YouTube Music' },
  { name: 'soundcloud', prefix: 'scsearch:', source: 'soundcloud', label: 'SoundCloud' },
  { name: 'spotify', prefix: 'spsearch:', source: 'spotify', label: 'Spotify' },
  { name: 'local', prefix: 'local:', source: 'local', label: 'the local library' },
];

const URL_PATTERN = /^https?:\/\//i;

/**
 * The identifiers to ask the node for, in order, for what a user typed: a URL as is; a prefixed search when
 * the nodes have its source; a plain query through every available search source, the guild's `preferred`
 * one first. An unavailable source is a value the caller shows, not an exception.
 */
export function identifiersFor(
  query: string,
  available: ReadonlySet<string>,
  preferred: SearchSourceName | null = null,
): Result<string[], string> {
  const text = query.trim();
  if (URL_PATTERN.test(text)) return ok([text]);
  const prefixed = SEARCH_SOURCES.find((entry) => text.toLowerCase().startsWith(entry.prefix));
  if (prefixed !== undefined) {
    if (!available.has(prefixed.source)) return err(`searching ${prefixed.label} is not available here`);
    const terms = text.slice(prefixed.prefix.length).trim();
    return terms === '' ? err('the search is empty') : ok([`${prefixed.prefix}${terms}`]);
  }
  const first = SEARCH_SOURCES.filter((entry) => entry.name === preferred);
  const ordered = [...first, ...SEARCH_SOURCES.filter((entry) => entry.name !== preferred)];
  const usable = ordered.filter((entry) => available.has(entry.source));
  const seen = new Set<string>();
  const identifiers = usable.flatMap((entry) => {
    // One search per source: YouTube Music only when YouTube found nothing is not worth a second call.
    if (seen.has(entry.source)) return [];
    seen.add(entry.source);
    return [`${entry.prefix}${text}`];
  });
  return identifiers.length === 0 ? err('no search source is available') : ok(identifiers);
}
