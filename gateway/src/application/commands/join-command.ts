import { UserError } from '@discord-bot/errors';
import { Command, Permission, type CommandContext, type CommandHandler } from '@discord-bot/commands';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

@Command({ name: 'join', description: 'Join your voice channel', defer: true })
@Permission('guild', 'inVoice')
export class JoinCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const { voice, channelId } = context.invocation;
    if (voice.userChannelId === null) throw new UserError('NOT_IN_VOICE');
    if (channelId === null) throw new UserError('FORBIDDEN');
    const result = await requestPlayer(context, this.services, 'join', {
      voiceChannelId: voice.userChannelId,
      textChannelId: channelId,
    });
    const content = result.alreadyConnected
      ? `I am already in <#${result.voiceChannelId}>.`
      : `👋 Joined <#${result.voiceChannelId}>.`;
    await context.respond({ content });
  }
}
