import { Command, Option, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import type { LoopMode } from '@discord-bot/messaging';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

const DESCRIPTIONS: Record<LoopMode, string> = {
  off: '➡ Loop off.',
  track: '🔂 Looping the current track.',
  queue: '🔁 Looping the queue.',
};

@Command({ name: 'loop', description: 'Repeat the track or the queue', defer: true })
@Option.string('mode', 'What to repeat', {
  required: true,
  choices: [
    { name: 'off', value: 'off' },
    { name: 'track', value: 'track' },
    { name: 'queue', value: 'queue' },
  ],
})
@Permission('guild', 'sameVoice')
export class LoopCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const mode = (context.options.string('mode') ?? 'off') as LoopMode;
    const result = await requestPlayer(context, this.services, 'loop', { mode });
    await context.respond({ content: DESCRIPTIONS[result.mode] });
  }
}
