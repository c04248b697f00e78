/** Interleaves a stereo float frame into s16le with hard clipping at full scale. */
export function toInt16Interleaved(left: Float32Array, right: Float32Array, out: Buffer): Buffer {
  const view = new Int16Array(out.buffer, out.byteOffset, left.length * 2);
  for (let i = 0; i < left.length; i++) {
    const l = (left[i] ?? 0) * 32_767;
    const r = (right[i] ?? 0) * 32_767;
    view[i * 2] = l > 32_767 ? 32_767 : l < -32_768 ? -32_768 : l;
    view[i * 2 + 1] = r > 32_767 ? 32_767 : r < -32_768 ? -32_768 : r;
  }
  return out;
}
