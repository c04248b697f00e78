import { err } from '@discord-bot/errors';
import {
  commandError,
  UNORDERED_COMMANDS,
  type CommandEnvelope,
  type CommandHandlers,
  type CommandOutcome,
  type CommandType,
} from '@discord-bot/messaging';
import type { PlayerEngine } from '../player/player-engine.js';
import type { CommandImpl } from './command-support.js';
import { join, leave } from './connection-commands.js';
import { pause, replay, resume, seek, stop, volume, loop } from './playback-commands.js';
import { play } from './play-command.js';
import { clear, move, previous, remove, shuffle, skip } from './queue-commands.js';
import { nowPlaying, queuePage } from './read-commands.js';
import { search } from './search-command.js';

/**
 * Commands that take the guild's mutex themselves around what they change: `play` resolves its track
 * between two holds, so the voice events of the join it starts are not held up by the load.
 */
const SELF_LOCKING: ReadonlySet<CommandType> = new Set<CommandType>(['play']);

/** Commands that change nothing: their answer does not wait for the guild's state to be written. */
const READ_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>(['nowPlaying', 'queuePage', 'search']);

const IMPLEMENTATIONS: { readonly [T in CommandType]: CommandImpl<T> } = {
  join,
  leave,
  play,
  pause,
  resume,
  skip,
  previous,
  stop,
  seek,
  volume,
  loop,
  shuffle,
  remove,
  move,
  clear,
  replay,
  nowPlaying,
  queuePage,
  search,
};

/**
 * The command boundary: each command runs under its guild's mutex, is counted and timed, and anything it
 * throws (a node or database failure) is logged and answered `internal`, never thrown to the bus. A change is
 * answered once its state is written (write-through): a crash right after the answer keeps it. The write is
 * awaited after the mutex is released, so the guild's next command does not wait for it.
 */
export function createCommandHandlers(engine: PlayerEngine): CommandHandlers {
  const wrap = <T extends CommandType>(type: T) => {
    const impl = IMPLEMENTATIONS[type] as CommandImpl<T>;
    return async (command: CommandEnvelope<T>): Promise<CommandOutcome<T>> => {
      const { metrics, logger } = engine.deps;
      const stopTimer = metrics.commandDuration.startTimer({ type });
      let outcome: CommandOutcome<T>;
      try {
        // A read-only command touches no player: it does not wait for the guild's mutex.
        outcome =
          UNORDERED_COMMANDS.has(type) || SELF_LOCKING.has(type)
            ? await impl(engine, command)
            : await engine.withGuild(command.guildId, () => impl(engine, command));
        if (!READ_COMMANDS.has(type)) await engine.durable(command.guildId);
      } catch (error) {
        logger.error(
          { err: error, guildId: command.guildId, type, correlationId: command.correlationId },
          'command failed',
        );
        outcome = err(commandError('internal', 'the command failed'));
      }
      stopTimer();
      metrics.commands.inc({ type, outcome: outcome.ok ? 'ok' : outcome.error.code });
      return outcome;
    };
  };
  return {
    join: wrap('join'),
    leave: wrap('leave'),
    play: wrap('play'),
    pause: wrap('pause'),
    resume: wrap('resume'),
    skip: wrap('skip'),
    previous: wrap('previous'),
    stop: wrap('stop'),
    seek: wrap('seek'),
    volume: wrap('volume'),
    loop: wrap('loop'),
    shuffle: wrap('shuffle'),
    remove: wrap('remove'),
    move: wrap('move'),
    clear: wrap('clear'),
    replay: wrap('replay'),
    nowPlaying: wrap('nowPlaying'),
    queuePage: wrap('queuePage'),
    search: wrap('search'),
  };
}
