import { Command, Option, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import { describeTrack } from '../../presentation/ui/describe-track.js';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'move', description: 'Move a track to another position in the queue', defer: true })
@Option.integer('from', 'Current position of the track', { required: true, minValue: 1 })
@Option.integer('to', 'New position', { required: true, minValue: 1 })
@Permission('guild', 'sameVoice', 'dj')
export class MoveCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const from = context.options.number('from') ?? 1;
    const to = context.options.number('to') ?? 1;
    const result = await requestPlayer(context, this.services, 'move', { from, to });
    await context.respond({
      content: `↕ Moved ${describeTrack(result.track)} from #${result.from} to #${result.to}.`,
    });
  }
}
