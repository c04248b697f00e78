export { startGateway, type GatewayServiceConfig } from './start-gateway.js';
export { createDiscordClient, GATEWAY_INTENTS } from './infrastructure/discord/create-discord-client.js';
export { wireGateway, type GatewayWiring } from './wire-gateway.js';
export { VoiceStateStore, type VoiceMember } from './domain/services/voice-state-store.js';
export { feedVoiceStates } from './infrastructure/discord/voice-state-feed.js';
export {
  FileFingerprintStore,
  MemoryFingerprintStore,
} from './infrastructure/persistence/fingerprint-store.js';
export type { FingerprintStore } from './domain/repositories/fingerprint-store.js';
