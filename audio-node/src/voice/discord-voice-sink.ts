import {
  joinVoiceChannel,
  VoiceConnectionDisconnectReason,
  VoiceConnectionStatus,
  type VoiceConnection,
  type VoiceConnectionState,
} from '@discordjs/voice';
import type { Logger } from '@discord-bot/logger';
import type { VoiceTarget } from '../engine/engine-contract.js';
import { NodeVoiceAdapter } from './node-voice-adapter.js';
import type { VoiceSink, VoiceSinkFactory, VoiceSinkHooks } from './voice-sink.js';

/** Options of the Discord voice sinks of one engine. */
export interface DiscordVoiceOptions {
  readonly logger: Logger;
  /** End-to-end encryption (DAVE); on by default, as Discord requires it. */
  readonly dave?: boolean;
  /** Forwards @discordjs/voice debug lines to the logger at trace level. */
  readonly debug?: boolean;
}

/**
 * Sends frames through a real @discordjs/voice connection (voice gateway, UDP, transport encryption and
 * DAVE). One `group` per bot user id keeps two bots in the same guild apart.
 */
export class DiscordVoiceSink implements VoiceSink {
  private connection: VoiceConnection | null = null;
  private adapter: NodeVoiceAdapter | null = null;
  private channelId: string | null = null;

  public constructor(
    private readonly guildId: string,
    private readonly userId: string,
    private readonly hooks: VoiceSinkHooks,
    private readonly options: DiscordVoiceOptions,
  ) {}

  public get ready(): boolean {
    return this.connection?.state.status === VoiceConnectionStatus.Ready;
  }

  public get ping(): number {
    if (!this.ready) return -1;
    return this.connection?.ping.ws ?? -1;
  }

  public connect(voice: VoiceTarget): void {
    const connection = this.connection;
    if (
      connection !== null &&
      connection.state.status !== VoiceConnectionStatus.Destroyed &&
      this.adapter !== null
    ) {
      if (voice.channelId !== this.channelId) {
        this.channelId = voice.channelId;
        this.adapter.update(voice);
        connection.rejoin({ channelId: voice.channelId, selfDeaf: true, selfMute: false });
      } else this.adapter.update(voice);
      return;
    }
    this.adapter = new NodeVoiceAdapter(voice);
    this.channelId = voice.channelId;
    const created = joinVoiceChannel({
      guildId: this.guildId,
      channelId: voice.channelId,
      group: this.userId,
      selfDeaf: true,
      selfMute: false,
      daveEncryption: this.options.dave ?? true,
      debug: this.options.debug ?? false,
      adapterCreator: this.adapter.creator,
    });
    created.on('stateChange', (before, after) => this.onStateChange(before, after));
    created.on('error', (error) =>
      this.options.logger.warn({ err: error, guildId: this.guildId }, 'voice error'),
    );
    if (this.options.debug === true)
      created.on('debug', (line) => this.options.logger.trace({ guildId: this.guildId }, line));
    this.connection = created;
  }

  public send(opus: Buffer): boolean {
    if (!this.ready) return false;
    return this.connection?.playOpusPacket(opus) !== undefined;
  }

  public stopSpeaking(): void {
    if (this.ready) this.connection?.setSpeaking(false);
  }

  public destroy(): void {
    const connection = this.connection;
    this.connection = null;
    this.adapter = null;
    if (connection !== null && connection.state.status !== VoiceConnectionStatus.Destroyed)
      connection.destroy();
  }

  private onStateChange(before: VoiceConnectionState, after: VoiceConnectionState): void {
    if (after.status === VoiceConnectionStatus.Ready && before.status !== VoiceConnectionStatus.Ready) {
      this.hooks.onReady();
      return;
    }
    if (after.status !== VoiceConnectionStatus.Disconnected) return;
    const byRemote = after.reason === VoiceConnectionDisconnectReason.WebSocketClose;
    const code = after.reason === VoiceConnectionDisconnectReason.WebSocketClose ? after.closeCode : 4_000;
    this.hooks.onClosed({ code, reason: VoiceConnectionDisconnectReason[after.reason], byRemote });
  }
}

/** The default sink factory: real Discord voice. */
export function discordVoiceSinkFactory(options: DiscordVoiceOptions): VoiceSinkFactory {
  return (guildId, userId, hooks) => new DiscordVoiceSink(guildId, userId, hooks, options);
}
