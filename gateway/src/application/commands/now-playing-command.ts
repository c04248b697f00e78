import { UserError } from '@discord-bot/errors';
import { Command, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import { renderNowPlaying } from '../../presentation/ui/render-now-playing.js';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'nowplaying', description: 'Show what is playing', defer: true })
@Permission('guild')
export class NowPlayingCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const state = await requestPlayer(context, this.services, 'nowPlaying', {});
    if (state.track === null) throw new UserError('NOTHING_PLAYING');
    const now = Date.now();
    await context.respond(
      renderNowPlaying(
        {
          track: state.track,
          positionMs: state.positionMs,
          observedAt: now,
          paused: state.paused,
          volume: state.volume,
          loop: state.loop,
          queueLength: state.queueLength,
          stopped: false,
        },
        now,
      ),
    );
  }
}
