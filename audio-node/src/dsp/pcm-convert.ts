/**
 * Applies a gain ramp (`from` at the first sample to `to` at the last) and interleaves a stereo float
 * frame into s16le with hard clipping at full scale, in one pass.
 */
export function toInt16Interleaved(
  left: Float32Array,
  right: Float32Array,
  out: Buffer,
  from: number,
  to: number,
): Buffer {
  const view = new Int16Array(out.buffer, out.byteOffset, left.length * 2);
  const step = (to - from) / left.length;
  let gain = from * 32_767;
  const increment = step * 32_767;
  for (let i = 0, o = 0; i < left.length; i++, o += 2) {
    gain += increment;
    const l = left[i]! * gain;
    const r = right[i]! * gain;
    view[o] = l > 32_767 ? 32_767 : l < -32_768 ? -32_768 : l;
    view[o + 1] = r > 32_767 ? 32_767 : r < -32_768 ? -32_768 : r;
  }
  return out;
}
