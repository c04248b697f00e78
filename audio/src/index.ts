export { startAudio, startAudioWith } from './start-audio.js';
export type { AudioServiceConfig } from './audio-service-config.js';
export { createAudioService, type AudioService, type AudioServiceDeps } from './audio-service.js';
export { DefaultAudioServiceOptions, type AudioServiceOptions } from './audio-service-options.js';
export type { GuildOwnership } from './ownership/guild-ownership.js';
export { LocalGuildOwnership } from './ownership/guild-ownership.js';
