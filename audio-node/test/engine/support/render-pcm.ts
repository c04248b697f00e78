import { FilterChain } from '../../../src/dsp/filter-chain.js';
import { FrameProducer, FRAME_SAMPLES } from '../../../src/engine/worker/frame-producer.js';
import type { Filters } from '../../../src/engine/index.js';

/**
 * Runs PCM through the worker's frame path in-process (resample + timescale + filters + volume ramp as the
 * 16-bit conversion applies it), without Opus, and returns 48 kHz stereo float.
 */
export function renderPcm(
  channels: readonly Float32Array[],
  sampleRate: number,
  filters: Filters = {},
  volume = 100,
): { left: Float32Array; right: Float32Array } {
  const producer = new FrameProducer();
  const chain = new FilterChain();
  chain.configure(filters, volume);
  producer.setTimescale(chain.timescale);
  producer.push(channels, sampleRate);
  const left: Float32Array[] = [];
  const right: Float32Array[] = [];
  while (producer.next(true)) {
    chain.process(producer.left, producer.right);
    const { from, to } = chain.gainRamp();
    const frameL = producer.left.slice();
    const frameR = producer.right.slice();
    for (let i = 0; i < FRAME_SAMPLES; i++) {
      const gain = from + ((to - from) * (i + 1)) / FRAME_SAMPLES;
      frameL[i] = (frameL[i] ?? 0) * gain;
      frameR[i] = (frameR[i] ?? 0) * gain;
    }
    left.push(frameL);
    right.push(frameR);
  }
  const join = (parts: Float32Array[]): Float32Array => {
    const out = new Float32Array(parts.length * FRAME_SAMPLES);
    parts.forEach((part, index) => out.set(part, index * FRAME_SAMPLES));
    return out;
  };
  return { left: join(left), right: join(right) };
}

/** The middle of a signal, away from filter start-up and the stretcher's fade-in. */
export function middle(samples: Float32Array, fraction = 0.6): Float32Array {
  const margin = Math.floor((samples.length * (1 - fraction)) / 2);
  return samples.subarray(margin, samples.length - margin);
}
