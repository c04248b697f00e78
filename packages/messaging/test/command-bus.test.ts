import { commandBusContract } from './support/command-bus-contract.js';
import { inProcessCommandHarness, redisCommandHarness } from './support/harnesses.js';

const redisUrl = process.env.TEST_REDIS_URL;

commandBusContract('in-process', inProcessCommandHarness);
commandBusContract('redis', () => redisCommandHarness(redisUrl ?? '', 'command-bus'), redisUrl === undefined);
