import type { ToAudioMessage } from '@discord-bot/messaging';
import type { PlayerEngine } from '../player/player-engine.js';

type VoiceState = Extract<ToAudioMessage, { type: 'voice.state' }>;
type VoiceServer = Extract<ToAudioMessage, { type: 'voice.server' }>;
type VoiceRosterMessage = Extract<ToAudioMessage, { type: 'voice.roster' }>;

/**
 * Applies what the gateway forwards on `to-audio`, in order per guild: the bot's own voice state and server
 * go to the node (that is how it connects voice); a `null` channel for the bot means it was disconnected or
 * kicked; a guild's full voice roster (asked for by {@link PlayerEngine.learnRoster}) and the other members'
 * states after it keep the engine's roster for the alone timer.
 */
export class VoiceRelay {
  public constructor(
    private readonly engine: PlayerEngine,
    private readonly botUserId: string,
  ) {}

  public handle(message: ToAudioMessage): Promise<void> {
    return this.engine
      .withGuild(message.guildId, () => {
        switch (message.type) {
          case 'voice.server':
            return this.#server(message);
          case 'voice.state':
            return this.#state(message);
          case 'voice.roster':
            this.#roster(message);
            return Promise.resolve();
        }
      })
      .catch((error: unknown) =>
        this.engine.deps.logger.error({ err: error, guildId: message.guildId }, 'voice event failed'),
      );
  }

  #roster(message: VoiceRosterMessage): void {
    const { guildId } = message;
    // Kept only while a player needs it (the engine forgets it when the player goes).
    if (this.engine.get(guildId) === undefined) return;
    const listeners = message.payload.members.filter((member) => !member.isBot);
    this.engine.roster.replace(guildId, listeners);
    this.#judgeAlone(guildId);
  }

  async #state(message: VoiceState): Promise<void> {
    const { guildId, payload } = message;
    const player = this.engine.get(guildId);
    if (payload.userId !== this.botUserId) {
      if (!payload.isBot) this.engine.roster.update(guildId, payload.userId, payload.channelId);
      this.#judgeAlone(guildId);
      return;
    }
    if (player === undefined) return;
    if (payload.channelId === null) {
      if (player.rejoining) return;
      await this.engine.leave(player, 'kicked');
      return;
    }
    // The gateway may not have had the guild when the player asked (both starting): ask again once in voice.
    this.engine.learnRoster(guildId);
    if (payload.channelId !== player.voiceChannelId) {
      player.voiceChannelId = payload.channelId;
      this.engine.persist(player);
    }
    // Moved (by a join or a moderator): whether anyone listens there is a question of the new channel.
    this.#judgeAlone(guildId);
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

  /** Starts the alone timer when no listener is in the player's channel, cancels it when one is. */
  #judgeAlone(guildId: string): void {
    const channelId = this.engine.get(guildId)?.voiceChannelId;
    if (channelId == null) return;
    if (this.engine.roster.isAlone(guildId, channelId)) this.engine.timers.start(guildId, 'alone');
    else this.engine.timers.cancel(guildId, 'alone');
  }
}
