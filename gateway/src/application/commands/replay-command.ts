import { Command, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import { describeTrack } from '../../presentation/ui/describe-track.js';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'replay', description: 'Restart the current track', defer: true })
@Permission('guild', 'sameVoice')
export class ReplayCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const result = await requestPlayer(context, this.services, 'replay', {});
    await context.respond({ content: `🔄 Restarted ${describeTrack(result.track)}.` });
  }
}
