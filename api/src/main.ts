import { loadServiceConfig } from '@discord-bot/config';

// Validate the configuration before loading anything heavy: a bad one is reported within moments.
const config = loadServiceConfig('api');
const { runService } = await import('@discord-bot/runtime');
const { startApi } = await import('./start-api.js');
await runService('api', config, startApi);
