/**
 * The contract between the simulator's main side (model, gateway, REST, control API) and its voice side
 * (voice gateway v8 over TLS, UDP, decryption, Opus decoding, analysis). The main side owns one
 * {@link SimVoiceServer} and calls it; the voice side never touches the model directly.
 */

/** Which Opus implementation decodes received audio. */
export type OpusDecoderBackend = 'native' | 'wasm';

/** Transport encryption modes Discord still offers. */
export type VoiceEncryptionMode = 'aead_aes256_gcm_rtpsize' | 'aead_xchacha20_poly1305_rtpsize';

/** TLS material for the voice gateway, issued by the simulator's certificate authority. */
export interface VoiceTlsMaterial {
  readonly keyPem: string;
  readonly certPem: string;
}

export interface SimVoiceServerOptions {
  /** Host the voice gateway and UDP socket bind to; default 127.0.0.1. */
  readonly host?: string;
  readonly tls: VoiceTlsMaterial;
  /** Restricts the modes offered in READY, so tests can force one mode. Default: both. */
  readonly modes?: readonly VoiceEncryptionMode[];
  /**
   * Heartbeat interval announced in HELLO, ms; a socket silent for two intervals is closed with 4009.
   * Default 13,750 (Discord's); tests shorten it to see the timeout.
   */
  readonly heartbeatIntervalMs?: number;
  /**
   * Opus decoder: `native` (`@discordjs/opus`, the default when it loads) or `wasm` (opusscript, the fallback,
   * at most 64 streams decoded at once). Packets of streams beyond what the decoder can take still count.
   */
  readonly opusBackend?: OpusDecoderBackend;
}

/** What the main gateway puts in VOICE_SERVER_UPDATE. */
export interface VoiceAllocation {
  readonly token: string;
  /** `localhost:PORT`, exactly as Discord sends it (no scheme). */
  readonly endpoint: string;
}

/** Audio heard from one guild's bot connection over a sliding window. */
export interface VoiceAudioAnalysis {
  readonly connected: boolean;
  readonly speaking: boolean;
  readonly channelId: string | null;
  readonly packetsPerSecond: number;
  /** Missing 20 ms frames while speaking (sequence gaps and late frames) in the window. */
  readonly gaps: number;
  /** RMS level of the decoded PCM in the window, dBFS; -Infinity is reported as -120. */
  readonly rmsDbfs: number;
  /** Strongest frequency of the decoded PCM in the window (FFT), Hz; 0 when silent. */
  readonly dominantHz: number;
  readonly totalPackets: number;
  readonly mode: VoiceEncryptionMode | null;
}

/** The voice half of the simulator. */
export interface SimVoiceServer {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Called when a bot's op 4 joins or moves to a voice channel: registers the session the bot will identify with. */
  allocate(input: { guildId: string; userId: string; sessionId: string; channelId: string }): VoiceAllocation;
  /** The bot left or was moved out by the main side: close its voice socket with `code` (4014 when kicked or the channel was deleted). */
  disconnect(guildId: string, userId: string, code: number): void;
  /** Fault injection: drop every voice socket of the guild (or all guilds) as a crashed voice server does (4015, resumable). */
  crash(guildId?: string): void;
  /** Fault injection: the UDP side ignores the next `count` IP discovery requests, as datagrams lost on the way. */
  dropIpDiscovery(count: number): void;
  analysis(guildId: string, windowMs: number): VoiceAudioAnalysis;
}
