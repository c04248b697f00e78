import { loadServiceConfig } from '@discord-bot/config';

// Validate the configuration before loading anything heavy: a bad one is reported within moments.
const config = loadServiceConfig('audio');
const { runService } = await import('@discord-bot/runtime');
const { startAudio } = await import('./start-audio.js');
await runService('audio', config, startAudio);
