export { startSingleNode } from './start-single-node.js';
