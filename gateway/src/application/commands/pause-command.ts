import { Command, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import { formatDuration } from '../../presentation/ui/format-duration.js';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'pause', description: 'Pause the music', defer: true })
@Permission('guild', 'sameVoice')
export class PauseCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const result = await requestPlayer(context, this.services, 'pause', {});
    const content = result.wasPaused
      ? 'Already paused.'
      : `⏸ Paused at ${formatDuration(result.positionMs)}.`;
    await context.respond({ content });
  }
}
