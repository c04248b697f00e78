export { startSingleNode, type SingleNodeOptions } from './start-single-node.js';
export { resolveAudioNodes, EMBEDDED_NODE_ID } from './embedded-audio-node.js';
