import {
  createAudioPlayer,
  entersState,
  joinVoiceChannel,
  VoiceConnectionStatus,
  type AudioPlayer,
  type VoiceConnection,
} from '@discordjs/voice';
import type { Guild } from 'discord.js';
import { toneResource } from '../voice/support/tone.js';

/** How long joining voice may take before `/tone` gives up (READY is ~0.7 s here, more on a busy machine). */
const VOICE_READY_TIMEOUT_MS = 10_000;

interface GuildVoice {
  readonly connection: VoiceConnection;
  readonly player: AudioPlayer;
}

/**
 * The reference bot's voice: one connection and player per guild, as a music bot keeps them. Playing in the
 * channel the bot is already in swaps the tone on the same player; another channel moves the connection.
 */
export class TonePlayer {
  private readonly guilds = new Map<string, GuildVoice>();

  /** @param group the @discordjs/voice connection group: the bot's user id, so bots in one process never share one. */
  public constructor(private readonly group: string) {}

  /** Joins `channelId` (waiting until the voice connection is ready) and plays a sine tone there. */
  public async play(guild: Guild, channelId: string, hz: number, seconds: number): Promise<void> {
    const voice = await this.join(guild, channelId);
    voice.player.play(toneResource(hz, seconds));
  }

  /** Stops every player and leaves voice; call before destroying the client, or the test runner hangs. */
  public stop(): void {
    for (const { connection, player } of this.guilds.values()) {
      player.stop(true);
      if (connection.state.status !== VoiceConnectionStatus.Destroyed) connection.destroy();
    }
    this.guilds.clear();
  }

  private async join(guild: Guild, channelId: string): Promise<GuildVoice> {
    const existing = this.guilds.get(guild.id);
    if (existing !== undefined && existing.connection.state.status !== VoiceConnectionStatus.Destroyed) {
      if (existing.connection.joinConfig.channelId !== channelId)
        existing.connection.rejoin({ ...existing.connection.joinConfig, channelId });
      await entersState(existing.connection, VoiceConnectionStatus.Ready, VOICE_READY_TIMEOUT_MS);
      return existing;
    }
    const connection = joinVoiceChannel({
      guildId: guild.id,
      channelId,
      group: this.group,
      adapterCreator: guild.voiceAdapterCreator,
    });
    const player = createAudioPlayer();
    connection.subscribe(player);
    const voice = { connection, player };
    this.guilds.set(guild.id, voice);
    await entersState(connection, VoiceConnectionStatus.Ready, VOICE_READY_TIMEOUT_MS);
    return voice;
  }
}
