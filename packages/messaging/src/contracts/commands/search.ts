import { z } from 'zod';
import { MAX_QUERY_LENGTH, MAX_SEARCH_RESULTS } from '../../constants.js';
import { defineCommand } from '../command-contract.js';
import { millisecondsSchema } from '../primitives.js';

/** One search result: what a picker shows, and the query that plays exactly it. */
export const searchResultSchema = z.object({
  title: z.string(),
  author: z.string(),
  durationMs: millisecondsSchema,
  isStream: z.boolean(),
  sourceName: z.string(),
  uri: z.string().nullable(),
  /** What to send as `play`'s query for this track: its URL when it has one, else a prefixed search. */
  playQuery: z.string().min(1).max(MAX_QUERY_LENGTH),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/**
 * Read-only search through the guild's sources (its default first), for pickers such as `/play`'s
 * autocomplete: no player is created, nothing is queued, voice is not joined. Finding nothing is an empty
 * list; an unusable query or an unavailable source is `INVALID_INPUT`, a node failure `LOAD_FAILED`.
 */
export const searchCommand = defineCommand(
  'search',
  z.object({
    query: z.string().trim().min(1).max(MAX_QUERY_LENGTH),
    limit: z.number().int().min(1).max(MAX_SEARCH_RESULTS).default(MAX_SEARCH_RESULTS),
  }),
  z.object({ results: z.array(searchResultSchema).max(MAX_SEARCH_RESULTS) }),
);
