import { eventBusContract } from './support/event-bus-contract.js';
import { inProcessEventHarness, redisEventHarness } from './support/harnesses.js';

const redisUrl = process.env.TEST_REDIS_URL;
const noRedis = redisUrl === undefined;

eventBusContract('in-process', inProcessEventHarness);
eventBusContract('redis pub/sub', () => redisEventHarness(redisUrl ?? '', 'event-bus', 'pub-sub'), noRedis);
eventBusContract('redis stream', () => redisEventHarness(redisUrl ?? '', 'event-bus', 'stream'), noRedis);
