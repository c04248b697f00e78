import { Command, Option, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import { describeTrack } from '../../presentation/ui/describe-track.js';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'remove', description: 'Remove a track from the queue', defer: true })
@Option.integer('position', 'Its position in the queue (see /queue)', { required: true, minValue: 1 })
@Permission('guild', 'sameVoice', 'dj')
export class RemoveCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const position = context.options.number('position') ?? 1;
    const result = await requestPlayer(context, this.services, 'remove', { position });
    await context.respond({ content: `🗑 Removed ${describeTrack(result.removed)}.` });
  }
}
