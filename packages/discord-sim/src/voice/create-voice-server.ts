import { analyseStreams } from './audio-analysis.js';
import { createOpusFrameDecoder, opusDecoderBackend } from './create-opus-frame-decoder.js';
import { VoiceGatewayServer } from './voice-gateway-server.js';
import { VOICE_HEARTBEAT_INTERVAL_MS, VOICE_RESUME_WINDOW_MS, VoiceCloseCode } from './voice-protocol.js';
import { VoiceSessionRegistry } from './voice-session-registry.js';
import type {
  SimVoiceServer,
  SimVoiceServerOptions,
  VoiceAllocation,
  VoiceAudioAnalysis,
  VoiceEncryptionMode,
} from './voice-server-contract.js';
import { VoiceUdpServer } from './voice-udp-server.js';

/** Defaults for {@link SimVoiceServerOptions}. */
export const DefaultSimVoiceServerOptions = {
  host: '127.0.0.1',
  modes: ['aead_aes256_gcm_rtpsize', 'aead_xchacha20_poly1305_rtpsize'],
  heartbeatIntervalMs: VOICE_HEARTBEAT_INTERVAL_MS,
  opusBackend: opusDecoderBackend,
} as const satisfies Required<Omit<SimVoiceServerOptions, 'tls'>>;

/** How often sessions nobody resumed, and audio history past the window, are swept, ms. */
const EXPIRY_SWEEP_INTERVAL_MS = 10_000;

/**
 * The simulator's voice server: a v8 voice gateway over TLS and a UDP socket on `host`, both on random
 * ports, that accept the sessions the main gateway allocates and analyse the audio bots send.
 *
 * @example
 * const voice = createVoiceServer({ tls: await issueServerCertificate(ca) });
 * await voice.start();
 * const { token, endpoint } = voice.allocate({ guildId, userId, sessionId, channelId });
 * // ...send VOICE_SERVER_UPDATE {token, guild_id: guildId, endpoint}; later:
 * voice.analysis(guildId, 1_000).dominantHz;
 */
export function createVoiceServer(options: SimVoiceServerOptions): SimVoiceServer {
  const host = options.host ?? DefaultSimVoiceServerOptions.host;
  const modes: readonly VoiceEncryptionMode[] = options.modes ?? DefaultSimVoiceServerOptions.modes;
  if (modes.length === 0) throw new RangeError('a voice server must offer at least one encryption mode');

  const opusBackend = options.opusBackend ?? DefaultSimVoiceServerOptions.opusBackend;
  const registry = new VoiceSessionRegistry(Date.now, () => createOpusFrameDecoder(opusBackend));
  const udp = new VoiceUdpServer(registry);
  const gateway = new VoiceGatewayServer(options.tls, {
    registry,
    modes,
    // A wildcard bind is not an address a client can send to.
    udp: () => ({ ip: host === '0.0.0.0' ? '127.0.0.1' : host, port: udp.address().port }),
    now: Date.now,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? DefaultSimVoiceServerOptions.heartbeatIntervalMs,
  });
  let sweep: NodeJS.Timeout | null = null;

  return {
    async start() {
      await udp.start(host);
      try {
        await gateway.start(host);
      } catch (error) {
        await udp.stop();
        throw error;
      }
      sweep = setInterval(() => {
        registry.expireDetached(VOICE_RESUME_WINDOW_MS);
        registry.trimAudio();
      }, EXPIRY_SWEEP_INTERVAL_MS);
      sweep.unref();
    },

    async stop() {
      if (sweep !== null) clearInterval(sweep);
      sweep = null;
      registry.clear(VoiceCloseCode.VoiceServerCrashed, 'voice server stopping');
      await gateway.stop();
      await udp.stop();
    },

    allocate(input): VoiceAllocation {
      const session = registry.allocate(input);
      return { token: session.token, endpoint: `localhost:${gateway.address().port}` };
    },

    disconnect(guildId, userId, code) {
      const session = registry.find(guildId, userId);
      if (session === undefined) return;
      if (code === VoiceCloseCode.VoiceServerCrashed) session.socket?.close(code, 'disconnected');
      else registry.end(session, code, 'disconnected');
    },

    crash(guildId) {
      for (const session of registry.list(guildId))
        session.socket?.close(VoiceCloseCode.VoiceServerCrashed, 'voice server crashed');
    },

    dropIpDiscovery(count) {
      udp.dropIpDiscovery(count);
    },

    analysis(guildId, windowMs): VoiceAudioAnalysis {
      const sessions = registry.list(guildId);
      const current = sessions.find((session) => session.connected) ?? sessions[0];
      const monitors = registry.monitors(guildId);
      return {
        connected: current?.connected ?? false,
        speaking: sessions.some((session) => session.speaking),
        channelId: current?.channelId ?? null,
        ...analyseStreams(
          monitors.map((monitor) => monitor.window(windowMs)),
          windowMs,
        ),
        totalPackets: monitors.reduce((sum, monitor) => sum + monitor.totalPackets, 0),
        mode: current?.mode ?? null,
      };
    },
  };
}
