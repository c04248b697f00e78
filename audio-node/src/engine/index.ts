export type * from './engine-contract.js';
export { createAudioEngine, type AudioEngineOptions } from './create-audio-engine.js';
export { NullVoiceSink, nullVoiceSinkFactory } from '../voice/null-voice-sink.js';
export type { VoiceSink, VoiceSinkFactory, VoiceSinkHooks } from '../voice/voice-sink.js';
export { resolveFormat } from '../decoders/audio-format.js';
export { findFfmpeg } from '../decoders/ffmpeg-decoder.js';
