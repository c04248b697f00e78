import { Command, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import { formatDuration } from '../../presentation/ui/format-duration.js';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'resume', description: 'Resume the music', defer: true })
@Permission('guild', 'sameVoice')
export class ResumeCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const result = await requestPlayer(context, this.services, 'resume', {});
    const content = result.wasPaused
      ? `▶ Resumed at ${formatDuration(result.positionMs)}.`
      : 'It was not paused.';
    await context.respond({ content });
  }
}
