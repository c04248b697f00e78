import { loadServiceConfig } from '@discord-bot/config';

// Validate the configuration before loading anything heavy: a bad one is reported within moments.
const config = loadServiceConfig('single-node');
const { createServiceHost, runHost } = await import('@discord-bot/runtime');
const { startSingleNode } = await import('./start-single-node.js');
const host = createServiceHost({ service: 'single-node', config });
// The entry point is the one place that reads the environment besides config: where to look for ffmpeg.
await runHost(host, () => startSingleNode(host, config, { executablePath: process.env['PATH'] ?? '' }));
