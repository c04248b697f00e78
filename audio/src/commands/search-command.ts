import type { SearchResult } from '@discord-bot/messaging';
import type { BackendTrack } from '../lavalink/backend-track.js';
import { done, refuse, type CommandImpl } from './command-support.js';
import { loadFirstFound } from './play-command.js';
import { identifiersFor, SEARCH_SOURCES } from './search-sources.js';

/** A search answers within this or fails `LOAD_FAILED`: pickers (autocomplete) cannot wait longer. */
export const SEARCH_TIMEOUT_MS = 2_000;

const URL_PATTERN = /^https?:\/\//i;

/** The query `play` resolves to this track: its URL when it has one, else its title in the source searched. */
function playQueryFor(track: BackendTrack, identifier: string | undefined): string {
  const { uri, title } = track.info;
  if (uri !== null && URL_PATTERN.test(uri)) return uri;
  const prefix = SEARCH_SOURCES.find((entry) => identifier?.startsWith(entry.prefix))?.prefix ?? '';
  return `${prefix}${title}`;
}

function toResult(track: BackendTrack, identifier: string | undefined): SearchResult {
  return {
    title: track.info.title,
    author: track.info.author,
    durationMs: track.info.isStream ? 0 : track.info.length,
    isStream: track.info.isStream,
    sourceName: track.info.sourceName,
    uri: track.info.uri,
    playQuery: playQueryFor(track, identifier),
  };
}

const timedOut = Symbol('timed out');

/**
 * `search`: the tracks a `play` of the same query would choose from (the guild's default source first),
 * read-only: no player, no queue, no voice. Nothing found is an empty list.
 */
export const search: CommandImpl<'search'> = async (engine, command) => {
  const { guildId, payload } = command;
  const settings = await engine.deps.settings.get(guildId);
  const identifiers = identifiersFor(
    payload.query,
    engine.deps.backend.sources(),
    settings.defaultSearchSource,
  );
  if (!identifiers.ok) return refuse('INVALID_INPUT', { reason: identifiers.error });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof timedOut>((resolve) => {
    timer = setTimeout(() => resolve(timedOut), SEARCH_TIMEOUT_MS);
  });
  const found = await Promise.race([loadFirstFound(engine, identifiers.value), deadline]).finally(() =>
    clearTimeout(timer),
  );
  if (found === timedOut) return refuse('LOAD_FAILED', { reason: 'the search took too long' });
  const { outcome, identifier } = found;
  if (outcome.kind === 'error') return refuse('LOAD_FAILED', { reason: outcome.message });
  const tracks = outcome.kind === 'empty' ? [] : outcome.tracks;
  return done({ results: tracks.slice(0, payload.limit).map((track) => toResult(track, identifier)) });
};
