import type { z } from 'zod';
import type { Envelope } from '../envelope.js';
import { clearCommand } from './clear.js';
import { joinCommand } from './join.js';
import { leaveCommand } from './leave.js';
import { loopCommand } from './loop.js';
import { moveCommand } from './move.js';
import { nowPlayingCommand } from './now-playing.js';
import { pauseCommand } from './pause.js';
import { playCommand } from './play.js';
import { previousCommand } from './previous.js';
import { queuePageCommand } from './queue-page.js';
import { removeCommand } from './remove.js';
import { replayCommand } from './replay.js';
import { resumeCommand } from './resume.js';
import { searchCommand } from './search.js';
import { seekCommand } from './seek.js';
import { shuffleCommand } from './shuffle.js';
import { skipCommand } from './skip.js';
import { stopCommand } from './stop.js';
import { volumeCommand } from './volume.js';

/** Every command of the gateway -> audio protocol, by type. */
export const COMMAND_CONTRACTS = {
  join: joinCommand,
  leave: leaveCommand,
  play: playCommand,
  pause: pauseCommand,
  resume: resumeCommand,
  skip: skipCommand,
  previous: previousCommand,
  stop: stopCommand,
  seek: seekCommand,
  volume: volumeCommand,
  loop: loopCommand,
  shuffle: shuffleCommand,
  remove: removeCommand,
  move: moveCommand,
  clear: clearCommand,
  replay: replayCommand,
  nowPlaying: nowPlayingCommand,
  queuePage: queuePageCommand,
  search: searchCommand,
} as const;

/** The name of a command (`play`, `skip`, ...). */
export type CommandType = keyof typeof COMMAND_CONTRACTS;

/**
 * Read-only commands that touch no player: they run as soon as they arrive instead of waiting behind the
 * guild's other commands (a search for autocomplete must not wait for a `play` joining voice).
 */
export const UNORDERED_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>(['search']);

/** What a sender passes for command `T` (defaults may be left out). */
export type CommandPayloadInput<T extends CommandType> = z.input<(typeof COMMAND_CONTRACTS)[T]['payload']>;
/** What a handler receives for command `T` (defaults applied). */
export type CommandPayload<T extends CommandType> = z.output<(typeof COMMAND_CONTRACTS)[T]['payload']>;
/** What command `T` answers on success. */
export type CommandResult<T extends CommandType> = z.output<(typeof COMMAND_CONTRACTS)[T]['result']>;

/** A command as it travels: the envelope, its payload, and the moment after which it must not run. */
export interface CommandEnvelope<T extends CommandType = CommandType> extends Envelope<T, CommandPayload<T>> {
  /** Epoch ms after which the command is answered `expired` instead of executed. */
  readonly deadlineAt: number;
}

/** Any command, narrowed by `type`. */
export type AnyCommand = { [T in CommandType]: CommandEnvelope<T> }[CommandType];

/** True when `type` names a command of the protocol. */
export function isCommandType(type: string): type is CommandType {
  return Object.hasOwn(COMMAND_CONTRACTS, type);
}

export {
  clearCommand,
  joinCommand,
  leaveCommand,
  loopCommand,
  moveCommand,
  nowPlayingCommand,
  pauseCommand,
  playCommand,
  previousCommand,
  queuePageCommand,
  removeCommand,
  replayCommand,
  resumeCommand,
  searchCommand,
  seekCommand,
  shuffleCommand,
  skipCommand,
  stopCommand,
  volumeCommand,
};
export { leftOutSchema, placementSchema, type LeftOut, type Placement } from './play.js';
export { searchResultSchema, type SearchResult } from './search.js';
