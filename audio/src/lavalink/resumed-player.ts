import type { ResumedPlayer } from './audio-backend.js';
import { toBackendTrack } from './backend-track.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/**
 * Reads the players a resumed node session hands back (`GET /v4/sessions/{id}/players`, a Lavalink v4
 * Player array). Anything that is not a list (an error body) reads as no players; entries without a guild are
 * skipped.
 */
export function toResumedPlayers(nodeId: string, body: unknown): ResumedPlayer[] {
  if (!Array.isArray(body)) return [];
  return body.flatMap((raw): ResumedPlayer[] => {
    const player = record(raw);
    const guildId = text(player['guildId']);
    if (guildId === '') return [];
    const state = record(player['state']);
    const voice = record(player['voice']);
    return [
      {
        nodeId,
        guildId,
        track: toBackendTrack(player['track']) ?? null,
        positionMs: typeof state['position'] === 'number' ? Math.max(0, state['position']) : 0,
        paused: player['paused'] === true,
        volume: typeof player['volume'] === 'number' ? player['volume'] : 100,
        filters: record(player['filters']),
        voice: {
          token: text(voice['token']),
          endpoint: text(voice['endpoint']),
          sessionId: text(voice['sessionId']),
          channelId: typeof voice['channelId'] === 'string' ? voice['channelId'] : null,
          connected: state['connected'] === true,
        },
      },
    ];
  });
}
