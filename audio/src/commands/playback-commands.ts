import { toMessageTrack } from '../player/queued-track.js';
import { done, formatDuration, playing, refuse, type CommandImpl } from './command-support.js';

/** `pause`: pausing a paused player succeeds and changes nothing. */
export const pause: CommandImpl<'pause'> = async (engine, command) => {
  const found = playing(engine, command.guildId);
  if (found === undefined) return refuse('NOTHING_PLAYING');
  const { player } = found;
  const wasPaused = player.paused;
  const positionMs = engine.position(player);
  if (!wasPaused) {
    // The node first: if it refuses, the player is not believed paused (a retry must pause it).
    if (!player.pendingStart) await engine.deps.backend.setPaused(command.guildId, true);
    player.paused = true;
    player.positionHintMs = positionMs;
    engine.deps.ui.paused(command.guildId, true, positionMs);
    engine.persist(player);
  }
  return done({ positionMs, wasPaused });
};

/** `resume`: resuming a playing player succeeds and changes nothing. */
export const resume: CommandImpl<'resume'> = async (engine, command) => {
  const found = playing(engine, command.guildId);
  if (found === undefined) return refuse('NOTHING_PLAYING');
  const { player } = found;
  const wasPaused = player.paused;
  if (wasPaused) {
    if (!player.pendingStart) await engine.deps.backend.setPaused(command.guildId, false);
    player.paused = false;
    engine.deps.ui.paused(command.guildId, false, engine.position(player));
    engine.persist(player);
  }
  return done({ positionMs: engine.position(player), wasPaused });
};

/** `seek`: within the current track; past its end is refused with the track's length. */
export const seek: CommandImpl<'seek'> = async (engine, command) => {
  const found = playing(engine, command.guildId);
  if (found === undefined) return refuse('NOTHING_PLAYING');
  const { player, current } = found;
  const { info } = current.track;
  if (!info.isSeekable || info.isStream)
    return refuse('INVALID_INPUT', { reason: 'this track cannot be sought' });
  const { positionMs } = command.payload;
  if (positionMs >= info.length) {
    return refuse('INVALID_INPUT', { reason: `the track is only ${formatDuration(info.length)} long` });
  }
  player.positionHintMs = positionMs;
  if (!player.pendingStart) await engine.deps.backend.seek(command.guildId, positionMs);
  engine.deps.ui.progress(command.guildId, positionMs, info.length, player.paused);
  engine.persist(player);
  return done({ positionMs, durationMs: info.length });
};

/** `replay`: the current track from the start. */
export const replay: CommandImpl<'replay'> = async (engine, command) => {
  const found = playing(engine, command.guildId);
  if (found === undefined) return refuse('NOTHING_PLAYING');
  const { player, current } = found;
  player.positionHintMs = 0;
  if (!player.pendingStart) await engine.deps.backend.seek(command.guildId, 0);
  engine.deps.ui.progress(command.guildId, 0, current.track.info.length, player.paused);
  engine.persist(player);
  return done({ track: toMessageTrack(current) });
};

/** `volume`: 0 to 200 %, for this player (the guild's default volume applies to new players). */
export const volume: CommandImpl<'volume'> = async (engine, command) => {
  const player = engine.get(command.guildId);
  if (player === undefined) return refuse('NOTHING_PLAYING');
  const previous = player.volume;
  if (engine.deps.backend.hasPlayer(command.guildId)) {
    await engine.deps.backend.setVolume(command.guildId, command.payload.volume);
  }
  player.volume = command.payload.volume;
  engine.deps.ui.volume(command.guildId, player.volume);
  engine.persist(player);
  return done({ volume: player.volume, previous });
};

/** `loop`: off, track or queue. */
export const loop: CommandImpl<'loop'> = (engine, command) => {
  const player = engine.get(command.guildId);
  if (player === undefined) return Promise.resolve(refuse('NOTHING_PLAYING'));
  const previous = player.loop;
  player.loop = command.payload.mode;
  engine.deps.ui.loop(command.guildId, player.loop);
  engine.persist(player);
  return Promise.resolve(done({ mode: player.loop, previous }));
};

/** `stop`: stop playing and clear the queue; the bot stays in the channel (until the idle timer). */
export const stop: CommandImpl<'stop'> = async (engine, command) => {
  const player = engine.get(command.guildId);
  if (player === undefined) return refuse('NOTHING_PLAYING');
  const clearedCount = player.queue.length;
  const current = player.current;
  player.queue = [];
  player.current = null;
  player.pendingStart = false;
  player.paused = false;
  if (current !== null) {
    engine.endTrack(player, current, 'stopped');
    player.remember(current);
  }
  await engine.deps.backend.stopTrack(command.guildId);
  engine.deps.ui.queueChanged(player, 'cleared');
  engine.deps.ui.stopped(command.guildId, 'stopped');
  engine.timers.start(command.guildId, 'idle');
  engine.persist(player);
  return done({ clearedCount });
};
