import { Command, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'shuffle', description: 'Shuffle the upcoming tracks', defer: true })
@Permission('guild', 'sameVoice')
export class ShuffleCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const result = await requestPlayer(context, this.services, 'shuffle', {});
    await context.respond({ content: `🔀 Shuffled ${result.count} track(s).` });
  }
}
