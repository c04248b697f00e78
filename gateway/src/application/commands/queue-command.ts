import { Command, Option, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import { QUEUE_PAGE_SIZE } from '../../constants.js';
import { renderQueuePage } from '../../presentation/ui/render-queue.js';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'queue', description: 'Show the queue', defer: true })
@Option.integer('page', 'Page number', { minValue: 1, maxValue: 100_000 })
@Permission('guild')
export class QueueCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const page = context.options.number('page') ?? 1;
    const result = await requestPlayer(context, this.services, 'queuePage', {
      page,
      pageSize: QUEUE_PAGE_SIZE,
    });
    await context.respond(renderQueuePage(result));
  }
}
