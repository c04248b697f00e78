import { Command, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'clear', description: 'Empty the queue (the current track keeps playing)', defer: true })
@Permission('guild', 'sameVoice', 'dj')
export class ClearCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const result = await requestPlayer(context, this.services, 'clear', {});
    await context.respond({ content: `🧹 Cleared ${result.clearedCount} track(s).` });
  }
}
