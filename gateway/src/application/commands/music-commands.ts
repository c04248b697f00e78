import type { CommandHandler } from '@discord-bot/commands';
import { ClearCommand } from './clear-command.js';
import { JoinCommand } from './join-command.js';
import { LeaveCommand } from './leave-command.js';
import { LoopCommand } from './loop-command.js';
import { MoveCommand } from './move-command.js';
import { NowPlayingCommand } from './now-playing-command.js';
import { PauseCommand } from './pause-command.js';
import { PlayCommand } from './play-command.js';
import type { PlayerServices } from './player-services.js';
import { PreviousCommand } from './previous-command.js';
import { QueueCommand } from './queue-command.js';
import { RemoveCommand } from './remove-command.js';
import { ReplayCommand } from './replay-command.js';
import { ResumeCommand } from './resume-command.js';
import { SeekCommand } from './seek-command.js';
import { ShuffleCommand } from './shuffle-command.js';
import { SkipCommand } from './skip-command.js';
import { StopCommand } from './stop-command.js';
import { VolumeCommand } from './volume-command.js';

/** Every slash command of the bot, wired to the audio service through `services`. */
export function musicCommands(services: PlayerServices): CommandHandler[] {
  return [
    new PlayCommand(services),
    new PauseCommand(services),
    new ResumeCommand(services),
    new SkipCommand(services),
    new PreviousCommand(services),
    new StopCommand(services),
    new SeekCommand(services),
    new VolumeCommand(services),
    new LoopCommand(services),
    new ShuffleCommand(services),
    new RemoveCommand(services),
    new MoveCommand(services),
    new ClearCommand(services),
    new ReplayCommand(services),
    new QueueCommand(services),
    new NowPlayingCommand(services),
    new JoinCommand(services),
    new LeaveCommand(services),
  ];
}
