import { Command, Option, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import { MAX_VOLUME_PERCENT, MIN_VOLUME_PERCENT } from '@discord-bot/messaging';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'volume', description: 'Set the volume (100 is normal)', defer: true })
@Option.integer('percent', `Volume in percent, ${MIN_VOLUME_PERCENT} to ${MAX_VOLUME_PERCENT}`, {
  required: true,
  minValue: MIN_VOLUME_PERCENT,
  maxValue: MAX_VOLUME_PERCENT,
})
@Permission('guild', 'sameVoice')
export class VolumeCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const volume = context.options.number('percent') ?? 100;
    const result = await requestPlayer(context, this.services, 'volume', { volume });
    await context.respond({ content: `🔊 Volume ${result.previous}% → ${result.volume}%.` });
  }
}
