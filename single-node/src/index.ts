export { startSingleNode, type SingleNodeOptions } from './start-single-node.js';
export { EMBEDDED_NODE_ID } from '@discord-bot/platform';
