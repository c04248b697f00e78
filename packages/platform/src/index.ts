export type { Platform } from './platform.js';
export type { PlatformConfig } from './platform-config.js';
export { createPlatform, type PlatformOptions, type PlatformShutdownRegistrar } from './create-platform.js';
export { PlatformError, type PlatformErrorCode } from './platform-error.js';
export { EMBEDDED_NODE_ID, defaultEmbeddedNodeConfig } from './embedded-audio-node.js';
