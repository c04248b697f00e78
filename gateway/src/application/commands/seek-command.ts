import {
  Command,
  Option,
  Permission,
  parseTimestamp,
  type CommandContext,
  type CommandHandler,
} from '@discord-bot/commands';
import { formatDuration } from '../../presentation/ui/format-duration.js';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'seek', description: 'Jump to a position in the current track', defer: true })
@Option.string('position', 'Like 1:23, 83 or 1m23s', {
  required: true,
  maxLength: 12,
  parse: (value) => parseTimestamp(String(value)),
})
@Permission('guild', 'sameVoice')
export class SeekCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const positionMs = context.options.get<number>('position') ?? 0;
    const result = await requestPlayer(context, this.services, 'seek', { positionMs });
    await context.respond({
      content: `⏩ Moved to ${formatDuration(result.positionMs)} of ${formatDuration(result.durationMs)}.`,
    });
  }
}
