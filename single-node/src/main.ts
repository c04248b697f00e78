import { loadServiceConfig } from '@discord-bot/config';
import { createServiceHost, runHost } from '@discord-bot/runtime';
import { startSingleNode } from './start-single-node.js';

const config = loadServiceConfig('single-node');
const host = createServiceHost({ service: 'single-node', config });
// The entry point is the one place that reads the environment besides config: where to look for ffmpeg.
await runHost(host, () => startSingleNode(host, config, { executablePath: process.env['PATH'] ?? '' }));
