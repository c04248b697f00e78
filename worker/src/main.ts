import { loadServiceConfig } from '@discord-bot/config';

// Validate the configuration before loading anything heavy: a bad one is reported within moments.
const config = loadServiceConfig('worker');
const { runService } = await import('@discord-bot/runtime');
const { startWorker } = await import('./start-worker.js');
await runService('worker', config, startWorker);
