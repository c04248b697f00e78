import type { StoredTrack } from '@discord-bot/database';
import type { Requester, Track } from '@discord-bot/messaging';
import type { BackendTrack } from '../lavalink/backend-track.js';

/** A track in a guild's player: what to play and who asked for it. */
export interface QueuedTrack {
  readonly track: BackendTrack;
  readonly requester: Requester;
}

/** The track as the messaging contracts carry it. */
export function toMessageTrack(item: QueuedTrack): Track {
  const { info } = item.track;
  return {
    encoded: item.track.encoded,
    title: info.title,
    author: info.author,
    durationMs: Math.max(0, Math.round(info.length)),
    isStream: info.isStream,
    uri: info.uri,
    artworkUrl: info.artworkUrl,
    sourceName: info.sourceName,
    requester: item.requester,
  };
}

/** The track as the database stores it. */
export function toStoredTrack(item: QueuedTrack): StoredTrack {
  return {
    encoded: item.track.encoded,
    info: item.track.info,
    requester: { id: item.requester.userId, username: item.requester.displayName },
    pluginInfo: item.track.pluginInfo,
  };
}

/** A stored track back in the player. */
export function fromStoredTrack(stored: StoredTrack): QueuedTrack {
  return {
    track: { encoded: stored.encoded, info: stored.info, pluginInfo: stored.pluginInfo ?? {} },
    requester: {
      userId: stored.requester.id,
      displayName: stored.requester.username ?? stored.requester.id,
    },
  };
}

/** Milliseconds of music in `items` (streams count as 0). */
export function totalDurationMs(items: readonly QueuedTrack[]): number {
  return items.reduce((sum, item) => sum + (item.track.info.isStream ? 0 : item.track.info.length), 0);
}
