import { toMessageTrack } from '../player/queued-track.js';
import { done, playing, refuse, type CommandImpl } from './command-support.js';

/** Fisher-Yates, in place. */
function shuffleInPlace<T>(items: T[], random: () => number = Math.random): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

/** `skip`: the current track, or up to queue position `to` (the tracks before it are dropped). */
export const skip: CommandImpl<'skip'> = async (engine, command) => {
  const found = playing(engine, command.guildId);
  if (found === undefined) return refuse('NOTHING_PLAYING');
  const { player, current } = found;
  const { to } = command.payload;
  if (to !== undefined && to > player.queue.length) {
    return refuse('POSITION_OUT_OF_RANGE', { position: to, max: player.queue.length });
  }
  // The tracks before `to` are skipped with the current one (with loop queue they go round after it).
  const skippedOver = to === undefined ? [] : player.queue.splice(0, to - 1);
  player.failures = 0;
  await engine.advance(player, 'skipped', skippedOver);
  return done({
    skipped: toMessageTrack(current),
    next: player.current === null ? null : toMessageTrack(player.current),
  });
};

/** `previous`: the last played track again; the current one goes back to the head of the queue. */
export const previous: CommandImpl<'previous'> = async (engine, command) => {
  const player = engine.get(command.guildId);
  const last = player?.previous[0];
  if (player === undefined || last === undefined) return refuse('NOT_FOUND', { what: 'previous track' });
  player.previous.shift();
  if (player.current !== null) {
    engine.endTrack(player, player.current, 'skipped');
    player.queue.unshift(player.current);
  }
  player.current = last;
  player.failures = 0;
  engine.deps.ui.queueChanged(player, 'advanced');
  await engine.startCurrent(player, 0);
  engine.persist(player);
  return done({ track: toMessageTrack(last) });
};

/** `shuffle`: the upcoming tracks. */
export const shuffle: CommandImpl<'shuffle'> = (engine, command) => {
  const player = engine.get(command.guildId);
  if (player === undefined || player.queue.length === 0) return Promise.resolve(refuse('QUEUE_EMPTY'));
  shuffleInPlace(player.queue);
  engine.deps.ui.queueChanged(player, 'shuffled');
  engine.persist(player);
  return Promise.resolve(done({ count: player.queue.length }));
};

/** `remove`: the track at a queue position. */
export const remove: CommandImpl<'remove'> = (engine, command) => {
  const player = engine.get(command.guildId);
  if (player === undefined || player.queue.length === 0) return Promise.resolve(refuse('QUEUE_EMPTY'));
  const { position } = command.payload;
  if (position > player.queue.length) {
    return Promise.resolve(refuse('POSITION_OUT_OF_RANGE', { position, max: player.queue.length }));
  }
  const [removed] = player.queue.splice(position - 1, 1);
  engine.deps.ui.queueChanged(player, 'removed');
  engine.persist(player);
  return Promise.resolve(done({ removed: toMessageTrack(removed as NonNullable<typeof removed>) }));
};

/** `move`: a track from one queue position to another. */
export const move: CommandImpl<'move'> = (engine, command) => {
  const player = engine.get(command.guildId);
  if (player === undefined || player.queue.length === 0) return Promise.resolve(refuse('QUEUE_EMPTY'));
  const { from, to } = command.payload;
  const max = player.queue.length;
  const outside = [from, to].find((position) => position > max);
  if (outside !== undefined) {
    return Promise.resolve(refuse('POSITION_OUT_OF_RANGE', { position: outside, max }));
  }
  const [track] = player.queue.splice(from - 1, 1);
  const moved = track as NonNullable<typeof track>;
  player.queue.splice(to - 1, 0, moved);
  engine.deps.ui.queueChanged(player, 'moved');
  engine.persist(player);
  return Promise.resolve(done({ track: toMessageTrack(moved), from, to }));
};

/** `clear`: empty the queue; the current track keeps playing. */
export const clear: CommandImpl<'clear'> = (engine, command) => {
  const player = engine.get(command.guildId);
  if (player === undefined) return Promise.resolve(done({ clearedCount: 0 }));
  const clearedCount = player.queue.length;
  player.queue = [];
  engine.deps.ui.queueChanged(player, 'cleared');
  engine.persist(player);
  return Promise.resolve(done({ clearedCount }));
};
