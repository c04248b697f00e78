import { runService } from '@discord-bot/runtime';
import { startGateway } from './start-gateway.js';

await runService('gateway', startGateway);
