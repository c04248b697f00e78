/** Discord voice audio: Opus at 48 kHz stereo in 20 ms frames. */
export const OPUS_SAMPLE_RATE_HZ = 48_000;
export const OPUS_CHANNELS = 2;
export const FRAME_DURATION_MS = 20;
/** Samples per channel in one 20 ms frame; also the RTP timestamp step between frames. */
export const SAMPLES_PER_FRAME = (OPUS_SAMPLE_RATE_HZ * FRAME_DURATION_MS) / 1_000;
/** Frames per second while speaking: the packet rate of a healthy stream. */
export const FRAMES_PER_SECOND = 1_000 / FRAME_DURATION_MS;
/** Largest value of a signed 16-bit PCM sample, the full scale for dBFS. */
export const PCM_FULL_SCALE = 32_768;
