import { runService } from '@discord-bot/runtime';
import { startWorker } from './start-worker.js';

await runService('worker', startWorker);
