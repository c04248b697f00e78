export { startGateway, type GatewayServiceConfig } from './start-gateway.js';
export { createDiscordClient, GATEWAY_INTENTS } from './infrastructure/discord/create-discord-client.js';
export { wireGateway, type GatewayWiring } from './wire-gateway.js';
export { FileFingerprintStore, MemoryFingerprintStore } from './registration/fingerprint-store.js';
export type { FingerprintStore } from './registration/fingerprint-store.js';
