import { Readable } from 'node:stream';
import { createAudioResource, StreamType, type AudioResource } from '@discordjs/voice';

const SAMPLE_RATE_HZ = 48_000;
const CHANNELS = 2;
const BYTES_PER_SAMPLE = 2;
const CHUNK_FRAMES = 960;

/**
 * A sine tone as raw PCM (48 kHz, stereo, s16le), the `StreamType.Raw` input `@discordjs/voice` encodes to Opus.
 * Generated lazily, chunk by chunk, so long tones cost no memory.
 */
export function toneResource(frequencyHz: number, seconds: number, amplitude = 0.5): AudioResource {
  const totalFrames = Math.round(seconds * SAMPLE_RATE_HZ);
  let frame = 0;
  const pcm = new Readable({
    read() {
      if (frame >= totalFrames) {
        this.push(null);
        return;
      }
      const frames = Math.min(CHUNK_FRAMES, totalFrames - frame);
      const chunk = Buffer.alloc(frames * CHANNELS * BYTES_PER_SAMPLE);
      for (let i = 0; i < frames; i += 1) {
        const value = Math.round(
          amplitude * 32_767 * Math.sin((2 * Math.PI * frequencyHz * (frame + i)) / SAMPLE_RATE_HZ),
        );
        chunk.writeInt16LE(value, i * 4);
        chunk.writeInt16LE(value, i * 4 + 2);
      }
      frame += frames;
      this.push(chunk);
    },
  });
  return createAudioResource(pcm, { inputType: StreamType.Raw });
}
