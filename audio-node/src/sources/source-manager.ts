/**
 * Routes identifiers to sources (`GET /v4/loadtracks`) and turns decoded tracks back into something the
 * engine can open. Sources: `http` (URLs) and `local` (music directories, `local:` search).
 */
import { err, ok, type Result } from '@discord-bot/errors';
import { isAbsolute } from 'node:path';
import type { EngineTrack, OpenedInput } from '../engine/engine-contract.js';
import { decodeProbeInfo } from '../tracks/track-codec.js';
import type { DecodedTrack } from '../tracks/track-types.js';
import { formatFromProbe } from './format-detect.js';
import { openHttp } from './http-open.js';
import { loadHttp } from './http-source.js';
import { EMPTY_RESULT, loadError, type LoadResult } from './load-result.js';
import type { LocalLibrary } from './local-library.js';
import { loadLocal, openLocal } from './local-source.js';
import type { SourceContext } from './source-context.js';

/** Source names this node lists in `/v4/info` and accepts in encoded tracks. */
export const SOURCE_NAMES = ['http', 'local'] as const;

export const LOCAL_SEARCH_PREFIX = 'local:';

export class SourceManager {
  public constructor(
    private readonly ctx: SourceContext,
    private readonly library: LocalLibrary,
  ) {}

  /** Resolves an identifier the way Lavalink's `loadtracks` does. Never throws for a bad identifier. */
  public async load(rawIdentifier: string): Promise<LoadResult> {
    const identifier = rawIdentifier.trim();
    if (identifier === '') return EMPTY_RESULT;
    if (identifier.toLowerCase().startsWith(LOCAL_SEARCH_PREFIX)) {
      return this.search(identifier.slice(LOCAL_SEARCH_PREFIX.length));
    }
    if (/^https?:\/\//i.test(identifier)) return loadHttp(identifier, this.ctx);
    if (/^[a-z][a-z0-9+.-]*:/i.test(identifier) && !identifier.startsWith('file:')) {
      // Another source's prefix or URL scheme (ytsearch:, spotify:, ftp://): not supported here.
      return EMPTY_RESULT;
    }
    if (this.ctx.musicDirs.length === 0) {
      return isAbsolute(identifier) || identifier.startsWith('file:')
        ? loadError('Local files are disabled: no music directories are configured', 'LOCAL_DISABLED')
        : EMPTY_RESULT;
    }
    const local = await loadLocal(identifier, this.ctx);
    // lavalink-client strips a `local:` source prefix, so bare words that are not a file are a search.
    if (
      local.loadType === 'error' &&
      local.data.cause === 'SOURCE_NOT_FOUND' &&
      !isAbsolute(identifier) &&
      !identifier.startsWith('file:')
    ) {
      return this.search(identifier);
    }
    return local;
  }

  private async search(query: string): Promise<LoadResult> {
    const tracks = await this.library.search(query);
    return tracks.length === 0 ? EMPTY_RESULT : { loadType: 'search', data: tracks };
  }

  /** The engine's view of a decoded track, or why it cannot be played here. */
  public engineTrack(track: DecodedTrack): Result<EngineTrack, string> {
    const { info } = track;
    const format = formatFromProbe(decodeProbeInfo(track.sourceData) ?? '');
    const base = {
      identifier: info.identifier,
      isStream: info.isStream,
      isSeekable: info.isSeekable,
      lengthMs: info.length,
    };
    if (info.sourceName === 'http') {
      const url = info.uri ?? info.identifier;
      let known = format;
      const open = async (fromByte?: number): Promise<OpenedInput> => {
        const opened = await openHttp(url, known, info.isStream, fromByte, this.ctx);
        known = opened.format; // sniffed once for playlist entries, then reused by seeks and reconnects
        return opened.input;
      };
      return ok({ ...base, open });
    }
    if (info.sourceName === 'local') {
      return ok({
        ...base,
        open: (fromByte?: number) => openLocal(info.identifier, format, fromByte, this.ctx),
      });
    }
    return err(`Unknown source: ${info.sourceName}`);
  }
}
