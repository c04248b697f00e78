/** `GET/PATCH/DELETE /v4/sessions/{id}/players[/{guildId}]`. */
import { HttpError } from '../server/http-error.js';
import type { NodeContext, RestRequest, RestResponse } from '../server/node-context.js';
import type { PlayableTrack } from '../players/player.js';
import { decodeTrack } from '../tracks/track-codec.js';
import { parsePlayerUpdate, type PlayerUpdate, type TrackRequest } from './parse-player-update.js';
import { activeSession } from './session-routes.js';

function guildIdOf(req: RestRequest): string {
  const guildId = req.params[1] ?? '';
  if (!/^\d{1,20}$/.test(guildId)) throw new HttpError(400, 'guildId must be a snowflake');
  return guildId;
}

export function listPlayers(req: RestRequest, node: NodeContext): RestResponse {
  const session = activeSession(req, node);
  return { status: 200, body: [...session.players.values()].map((player) => player.toJSON()) };
}

export function getPlayer(req: RestRequest, node: NodeContext): RestResponse {
  const player = activeSession(req, node).players.get(guildIdOf(req));
  if (player === undefined) throw new HttpError(404, 'Player not found');
  return { status: 200, body: player.toJSON() };
}

export function deletePlayer(req: RestRequest, node: NodeContext): RestResponse {
  activeSession(req, node).destroyPlayer(guildIdOf(req));
  return { status: 204 };
}

async function resolveTrack(request: TrackRequest, node: NodeContext): Promise<PlayableTrack | null> {
  if (request.kind === 'stop' || request.kind === 'userData') return null;
  let encoded: string;
  if (request.kind === 'identifier') {
    const result = await node.sources.load(request.identifier);
    if (result.loadType !== 'track') {
      const why = result.loadType === 'error' ? `: ${result.data.message ?? ''}` : ` (${result.loadType})`;
      throw new HttpError(400, `Identifier did not resolve to a single track${why}`);
    }
    encoded = result.data.encoded;
  } else {
    encoded = request.encoded;
  }
  let decoded;
  try {
    decoded = decodeTrack(encoded);
  } catch (error) {
    throw new HttpError(400, `Failed to decode track: ${(error as Error).message}`);
  }
  const engineTrack = node.sources.engineTrack(decoded);
  if (!engineTrack.ok) throw new HttpError(400, `Cannot play track: ${engineTrack.error}`);
  const info = { ...decoded.info, position: 0 };
  return {
    track: { encoded, info, pluginInfo: {}, userData: request.userData ?? {} },
    engineTrack: engineTrack.value,
  };
}

/** Applies an update in Lavalink's order; a new track takes `position`, `endTime` and `paused` with it. */
export async function updatePlayer(req: RestRequest, node: NodeContext): Promise<RestResponse> {
  const session = activeSession(req, node);
  const guildId = guildIdOf(req);
  const parsed = parsePlayerUpdate(req.body);
  if (!parsed.ok) throw new HttpError(400, parsed.error);
  const update: PlayerUpdate = parsed.value;
  const noReplace = req.query.get('noReplace') === 'true';
  const existing = session.players.get(guildId);
  const skipTrack = noReplace && existing?.track !== null && existing?.track !== undefined;
  const next = update.track === undefined || skipTrack ? null : await resolveTrack(update.track, node);
  const player = session.getOrCreatePlayer(guildId);
  if (update.voice !== undefined) player.connect(update.voice);
  if (update.volume !== undefined) player.setVolume(update.volume);
  if (update.filters !== undefined) player.setFilters(update.filters);
  if (next !== null) {
    player.play(next, {
      positionMs: update.position ?? 0,
      endTimeMs: update.endTime ?? null,
      paused: update.paused ?? player.isPaused,
    });
  } else {
    if (update.track?.kind === 'stop' && !noReplace) player.stop();
    if (update.track?.kind === 'userData') player.setUserData(update.track.userData);
    if (update.paused !== undefined) player.setPaused(update.paused);
    if (update.position !== undefined) player.seek(update.position);
    if (update.endTime !== undefined) player.setEndTime(update.endTime);
  }
  if (player.track !== null && (update.position !== undefined || update.filters !== undefined))
    player.sendUpdate();
  return { status: 200, body: player.toJSON() };
}
