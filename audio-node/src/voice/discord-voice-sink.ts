import {
  joinVoiceChannel,
  VoiceConnectionDisconnectReason,
  VoiceConnectionStatus,
  type VoiceConnection,
  type VoiceConnectionState,
} from '@discordjs/voice';
import type { Logger } from '@discord-bot/logger';
import type { VoiceTarget } from '../engine/engine-contract.js';
import { retryIpDiscovery } from './ip-discovery-retry.js';
import { NodeVoiceAdapter } from './node-voice-adapter.js';
import { guardVoiceUdpSends } from './udp-keepalive-guard.js';
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
  /** Networking instances whose `close` we listen to (one per voice WebSocket session). */
  private readonly watched = new WeakSet<object>();

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
      const rejoin =
        voice.channelId !== this.channelId || connection.state.status === VoiceConnectionStatus.Disconnected;
      this.channelId = voice.channelId;
      this.adapter.update(voice);
      // A rejoin makes the library send op 4, which the adapter answers with the data just given.
      if (rejoin) connection.rejoin({ channelId: voice.channelId, selfDeaf: true, selfMute: false });
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
    return this.connection?.playOpusPacket(opus) === true;
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
    if ('networking' in after && !this.watched.has(after.networking)) {
      // Every voice WebSocket close the library does not resume by itself (anything but 4015/<4000),
      // reported as Lavalink's WebSocketClosedEvent. The library then rejoins, or stops on 4014.
      this.watched.add(after.networking);
      retryIpDiscovery(after.networking);
      after.networking.on('close', (code: number) => {
        this.adapter?.noteClose();
        this.hooks.onClosed({ code, reason: closeReason(code), byRemote: true });
      });
    }
    if (after.status === VoiceConnectionStatus.Ready && before.status !== VoiceConnectionStatus.Ready) {
      this.adapter?.noteReady();
      this.hooks.onReady();
      return;
    }
    if (after.status !== VoiceConnectionStatus.Disconnected) return;
    if (after.reason === VoiceConnectionDisconnectReason.WebSocketClose) return;
    // Not a voice server close: the node gave up rejoining, or Discord removed the endpoint.
    this.hooks.onClosed({
      code: NODE_CLOSE_CODE,
      reason: VoiceConnectionDisconnectReason[after.reason],
      byRemote: after.reason === VoiceConnectionDisconnectReason.EndpointRemoved,
    });
  }
}

/** Close code reported when the node itself ends a voice connection (no voice server code exists). */
const NODE_CLOSE_CODE = 4_000;

const CLOSE_REASONS: Readonly<Record<number, string>> = {
  4006: 'Session no longer valid',
  4009: 'Session timeout',
  4011: 'Server not found',
  4014: 'Disconnected',
  4015: 'Voice server crashed',
  4016: 'Unknown encryption mode',
  4017: 'E2EE/DAVE protocol required',
};

function closeReason(code: number): string {
  return CLOSE_REASONS[code] ?? '';
}

/** The default sink factory: real Discord voice. */
export function discordVoiceSinkFactory(options: DiscordVoiceOptions): VoiceSinkFactory {
  guardVoiceUdpSends();
  return (guildId, userId, hooks) => new DiscordVoiceSink(guildId, userId, hooks, options);
}
