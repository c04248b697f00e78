export { startAudioNode, type AudioNodeOptions, type RunningAudioNode } from './start-audio-node.js';
export type {
  AudioEngine,
  EnginePlayer,
  EngineTrack,
  EngineFrameCounters,
  Filters,
  OpenedInput,
  VoiceTarget,
} from './engine/engine-contract.js';
export { encodeTrack, decodeTrack, TrackDecodeError } from './tracks/track-codec.js';
export type { LavalinkTrack, TrackInfo, DecodedTrack } from './tracks/track-types.js';
export { DefaultAudioNodeOptions } from './constants.js';
