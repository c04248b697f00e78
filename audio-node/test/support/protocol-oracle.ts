/**
 * Validates REST bodies and WebSocket messages against the independent `lavalink-protocol` schemas.
 * Only relaxation: `GET /v4/stats` may omit `frameStats` (real Lavalink does).
 */
import * as protocol from 'lavalink-protocol';

function check(schema: protocol.AnySchema, value: unknown, what: string): void {
  try {
    protocol.parse(schema, value);
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? String(error);
    throw new Error(
      `${what} does not match lavalink-protocol: ${cause}\n${JSON.stringify(value).slice(0, 2000)}`,
    );
  }
}

export const validate = {
  info: (v: unknown) => check(protocol.RESTGetAPINodeInfoResult, v, 'info'),
  stats: (v: unknown) =>
    check(protocol.RESTGetAPINodeStatsResult, { frameStats: null, ...(v as object) }, 'stats'),
  loadResult: (v: unknown) => check(protocol.RESTGetAPILoadTracksResult, v, 'load result'),
  track: (v: unknown) => check(protocol.RESTGetAPIDecodeTrackResult, v, 'track'),
  tracks: (v: unknown) => check(protocol.RESTPostAPIDecodeTracksResult, v, 'tracks'),
  player: (v: unknown) => check(protocol.RESTGetAPIPlayerResult, v, 'player'),
  players: (v: unknown) => check(protocol.RESTGetAPIPlayersResult, v, 'players'),
  session: (v: unknown) => check(protocol.RESTPatchAPISessionResult, v, 'session'),
  error: (v: unknown) => check(protocol.error, v, 'error body'),
  message: (v: unknown) => check(protocol.message, v, 'WebSocket message'),
};
