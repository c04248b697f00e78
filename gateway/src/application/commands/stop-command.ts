import { Command, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'stop', description: 'Stop the music and clear the queue', defer: true })
@Permission('guild', 'sameVoice', 'dj')
export class StopCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const result = await requestPlayer(context, this.services, 'stop', {});
    await context.respond({ content: `⏹ Stopped; ${result.clearedCount} queued track(s) cleared.` });
  }
}
