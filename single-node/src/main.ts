import { loadServiceConfig } from '@discord-bot/config';
import { createServiceHost, runHost } from '@discord-bot/runtime';
import { startSingleNode } from './start-single-node.js';

const config = loadServiceConfig('single-node');
const host = createServiceHost({ service: 'single-node', config });
await runHost(host, () => startSingleNode(host, config));
