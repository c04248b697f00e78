import { Command, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import { describeTrack } from '../../presentation/ui/describe-track.js';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'previous', description: 'Play the previous track again', defer: true })
@Permission('guild', 'sameVoice')
export class PreviousCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const result = await requestPlayer(context, this.services, 'previous', {});
    await context.respond({ content: `⏮ Back to ${describeTrack(result.track)}` });
  }
}
