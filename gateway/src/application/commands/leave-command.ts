import { Command, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'leave', description: 'Leave the voice channel and drop the queue', defer: true })
@Permission('guild', 'sameVoice', 'dj')
export class LeaveCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const result = await requestPlayer(context, this.services, 'leave', {});
    await context.respond({ content: result.wasConnected ? '👋 Bye!' : 'I was not in a voice channel.' });
  }
}
