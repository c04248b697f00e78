export { toneWav, TONE_SAMPLE_RATE, type ToneChange, type ToneSpec } from './tone-wav.js';
export { startToneServer, type ServedTone, type ToneServer } from './tone-server.js';
