import { Command, Option, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import { describeTrack } from '../../presentation/ui/describe-track.js';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({
  name: 'skip',
  description: 'Skip the current track, or jump to a position in the queue',
  defer: true,
})
@Option.integer('to', 'Queue position to jump to (the tracks before it are dropped)', { minValue: 1 })
@Permission('guild', 'sameVoice')
export class SkipCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const to = context.options.number('to');
    const result = await requestPlayer(context, this.services, 'skip', to === undefined ? {} : { to });
    const next = result.next === null ? 'The queue is empty now.' : `Up now: ${describeTrack(result.next)}`;
    await context.respond({ content: `⏭ Skipped ${describeTrack(result.skipped)}. ${next}` });
  }
}
