export { startGateway, type GatewayServiceConfig } from './start-gateway.js';
export { createDiscordClient, GATEWAY_INTENTS } from './infrastructure/discord/create-discord-client.js';
export { wireGateway, type GatewayWiring } from './wire-gateway.js';
export {
  FileFingerprintStore,
  MemoryFingerprintStore,
} from './infrastructure/persistence/fingerprint-store.js';
export type { FingerprintStore } from './domain/repositories/fingerprint-store.js';
