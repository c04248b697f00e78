import { HttpError } from '../server/http-error.js';
import type { NodeContext, RestRequest, RestResponse } from '../server/node-context.js';
import { decodeTrack, TrackDecodeError } from '../tracks/track-codec.js';
import type { LavalinkTrack } from '../tracks/track-types.js';
import { SOURCE_NAMES } from '../sources/source-manager.js';

/** Decodes a track for the REST API; undecodable or from an unknown source -> 500, as Lavalink. */
export function decodeForApi(encoded: string): LavalinkTrack {
  let decoded;
  try {
    decoded = decodeTrack(encoded);
  } catch (error) {
    if (error instanceof TrackDecodeError)
      throw new HttpError(500, `Failed to decode track: ${error.message}`);
    throw error;
  }
  if (!(SOURCE_NAMES as readonly string[]).includes(decoded.info.sourceName)) {
    throw new HttpError(500, `Failed to decode track: unknown source ${decoded.info.sourceName}`);
  }
  return { encoded, info: decoded.info, pluginInfo: {}, userData: {} };
}

export async function loadTracks(req: RestRequest, node: NodeContext): Promise<RestResponse> {
  const identifier = req.query.get('identifier');
  if (identifier === null) throw new HttpError(400, 'Missing identifier parameter');
  return { status: 200, body: await node.sources.load(identifier) };
}

export function decodeOne(req: RestRequest): RestResponse {
  const encoded = req.query.get('encodedTrack') ?? req.query.get('track');
  if (encoded === null) throw new HttpError(400, 'Missing encodedTrack parameter');
  return { status: 200, body: decodeForApi(encoded) };
}

export function decodeMany(req: RestRequest): RestResponse {
  if (!Array.isArray(req.body) || !req.body.every((item) => typeof item === 'string')) {
    throw new HttpError(400, 'Body must be an array of encoded tracks');
  }
  if (req.body.length === 0) throw new HttpError(400, 'No tracks to decode provided');
  return { status: 200, body: req.body.map(decodeForApi) };
}
