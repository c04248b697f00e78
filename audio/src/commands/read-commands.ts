import { toMessageTrack, totalDurationMs } from '../player/queued-track.js';
import { done, type CommandImpl } from './command-support.js';

/** Volume reported when the guild has no player. */
const IDLE_VOLUME = 100;

/** `nowPlaying`: the player's state. */
export const nowPlaying: CommandImpl<'nowPlaying'> = (engine, command) => {
  const player = engine.get(command.guildId);
  return Promise.resolve(
    done({
      track: player?.current == null ? null : toMessageTrack(player.current),
      positionMs: player === undefined ? 0 : engine.position(player),
      paused: player?.paused ?? false,
      volume: player?.volume ?? IDLE_VOLUME,
      loop: player?.loop ?? 'off',
      queueLength: player?.queue.length ?? 0,
    }),
  );
};

/** `queuePage`: one page of the queue (a page past the end shows the last one). */
export const queuePage: CommandImpl<'queuePage'> = (engine, command) => {
  const player = engine.get(command.guildId);
  const queue = player?.queue ?? [];
  const { pageSize } = command.payload;
  const pageCount = Math.ceil(queue.length / pageSize);
  const page = Math.max(1, Math.min(command.payload.page, pageCount));
  const start = (page - 1) * pageSize;
  return Promise.resolve(
    done({
      page,
      pageCount,
      total: queue.length,
      totalDurationMs: totalDurationMs(queue),
      current: player?.current == null ? null : toMessageTrack(player.current),
      tracks: queue.slice(start, start + pageSize).map((item, index) => ({
        position: start + index + 1,
        track: toMessageTrack(item),
      })),
    }),
  );
};
