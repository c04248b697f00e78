export { createVoiceServer, DefaultSimVoiceServerOptions } from './create-voice-server.js';
export { VoiceCloseCode, VoiceOpcode } from './voice-protocol.js';
export type {
  SimVoiceServer,
  SimVoiceServerOptions,
  VoiceAllocation,
  OpusDecoderBackend,
  VoiceAudioAnalysis,
  VoiceEncryptionMode,
  VoiceTlsMaterial,
} from './voice-server-contract.js';
