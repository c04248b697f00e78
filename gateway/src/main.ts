import { loadServiceConfig } from '@discord-bot/config';

// Validate the configuration before loading anything heavy: a bad one is reported within moments.
const config = loadServiceConfig('gateway');
const { runService } = await import('@discord-bot/runtime');
const { startGateway } = await import('./start-gateway.js');
await runService('gateway', config, startGateway);
