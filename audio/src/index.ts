export { startAudio, type AudioServiceConfig } from './start-audio.js';
