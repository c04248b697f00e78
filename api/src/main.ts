import { runService } from '@discord-bot/runtime';
import { startApi } from './start-api.js';

await runService('api', startApi);
