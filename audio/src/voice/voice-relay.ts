import type { ToAudioMessage } from '@discord-bot/messaging';
import type { PlayerEngine } from '../player/player-engine.js';
import type { VoiceRoster } from './voice-roster.js';

type VoiceState = Extract<ToAudioMessage, { type: 'voice.state' }>;
type VoiceServer = Extract<ToAudioMessage, { type: 'voice.server' }>;

/**
 * Applies Discord voice events forwarded by the gateway (`to-audio`), in order per guild: the bot's own
 * voice state and server go to the node (that is how it connects voice); a `null` channel for the bot means
 * it was disconnected or kicked; the other members' states keep the roster for the alone timer.
 */
export class VoiceRelay {
  public constructor(
    private readonly engine: PlayerEngine,
    private readonly roster: VoiceRoster,
    private readonly botUserId: string,
  ) {}

  public handle(message: ToAudioMessage): Promise<void> {
    return this.engine
      .withGuild(message.guildId, () =>
        message.type === 'voice.server' ? this.#server(message) : this.#state(message),
      )
      .catch((error: unknown) =>
        this.engine.deps.logger.error({ err: error, guildId: message.guildId }, 'voice event failed'),
      );
  }

  async #state(message: VoiceState): Promise<void> {
    const { guildId, payload } = message;
    const player = this.engine.get(guildId);
    if (payload.userId !== this.botUserId) {
      if (!payload.isBot) this.roster.update(guildId, payload.userId, payload.channelId);
      if (player?.voiceChannelId != null) {
        if (this.roster.isAlone(guildId, player.voiceChannelId)) {
          this.engine.timers.start(guildId, 'alone');
        } else {
          this.engine.timers.cancel(guildId, 'alone');
        }
      }
      return;
    }
    if (player === undefined) return;
    if (payload.channelId === null) {
      if (player.rejoining) return;
      await this.engine.leave(player, 'kicked');
      return;
    }
    if (payload.channelId !== player.voiceChannelId) {
      player.voiceChannelId = payload.channelId;
      this.engine.persist(player);
    }
    await this.engine.deps.backend.forwardVoice({
      kind: 'state',
      guildId,
      userId: payload.userId,
      channelId: payload.channelId,
      sessionId: payload.sessionId,
      selfDeaf: payload.selfDeaf,
      selfMute: payload.selfMute,
      serverDeaf: payload.serverDeaf,
      serverMute: payload.serverMute,
      suppress: payload.suppress,
    });
  }

  async #server(message: VoiceServer): Promise<void> {
    const player = this.engine.get(message.guildId);
    if (player === undefined) return;
    await this.engine.deps.backend.forwardVoice({
      kind: 'server',
      guildId: message.guildId,
      token: message.payload.token,
      endpoint: message.payload.endpoint,
    });
    player.voiceReady = true;
    player.rejoining = false;
    if (player.pendingStart) await this.engine.startCurrent(player, player.positionHintMs);
  }
}
