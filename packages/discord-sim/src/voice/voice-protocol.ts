/** Voice gateway v8 opcodes the simulator speaks (DAVE opcodes are never sent: DAVE is declined). */
export const VoiceOpcode = {
  Identify: 0,
  SelectProtocol: 1,
  Ready: 2,
  Heartbeat: 3,
  SessionDescription: 4,
  Speaking: 5,
  HeartbeatAck: 6,
  Resume: 7,
  Hello: 8,
  Resumed: 9,
  ClientsConnect: 11,
  ClientDisconnect: 13,
} as const;

/** Voice gateway close codes, as Discord uses them. */
export const VoiceCloseCode = {
  UnknownOpcode: 4001,
  FailedToDecode: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  SessionNoLongerValid: 4006,
  SessionTimeout: 4009,
  ServerNotFound: 4011,
  UnknownProtocol: 4012,
  /** Kicked, moved out, or the channel was deleted: the client must not resume. */
  Disconnected: 4014,
  /** The voice server crashed: the client resumes. */
  VoiceServerCrashed: 4015,
  UnknownEncryptionMode: 4016,
  DaveProtocolRequired: 4017,
  BadRequest: 4020,
} as const;

/** The gateway version `@discordjs/voice` 0.19 asks for (`?v=8`), the only one simulated. */
export const VOICE_GATEWAY_VERSION = 8;
/** Heartbeat interval announced in HELLO, ms (Discord sends ~13.75 s). */
export const VOICE_HEARTBEAT_INTERVAL_MS = 13_750;
/** A socket that sends no heartbeat for this many intervals is closed with 4009. */
export const HEARTBEAT_TIMEOUT_INTERVALS = 2;
/** How long a session may be resumed after its socket closed, ms. */
export const VOICE_RESUME_WINDOW_MS = 60_000;
/** Bytes of the transport key handed out in SESSION_DESCRIPTION. */
export const VOICE_SECRET_KEY_BYTES = 32;
/** The DAVE version the simulator answers with: 0 declines end-to-end encryption. */
export const SIM_DAVE_PROTOCOL_VERSION = 0;
/** Largest voice gateway message accepted, bytes (Discord's voice payloads are small). */
export const VOICE_MAX_PAYLOAD_BYTES = 64 * 1024;
