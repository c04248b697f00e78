/**
 * Turns an MP3 file into a run of bare audio frames that can be repeated end to end as an endless radio
 * stream: the ID3v2 tag and the LAME/Xing "Info" frame (a header for a whole file, not audio) are cut.
 */

const ID3_HEADER_BYTES = 10;
/** MPEG-1 Layer III bitrates by header index, kbit/s. */
const BITRATES_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const SAMPLE_RATES_HZ = [44_100, 48_000, 32_000];

/** Length of the MPEG-1 Layer III frame whose header starts at `at`, or 0 when there is none. */
function frameLength(mp3: Buffer, at: number): number {
  if (at + 4 > mp3.length || mp3[at] !== 0xff || ((mp3[at + 1] ?? 0) & 0xfe) !== 0xfa) return 0;
  const byte2 = mp3[at + 2] ?? 0;
  const bitrate = BITRATES_KBPS[byte2 >> 4] ?? 0;
  const sampleRate = SAMPLE_RATES_HZ[(byte2 >> 2) & 0x03] ?? 0;
  if (bitrate === 0 || sampleRate === 0) return 0;
  return Math.floor((144_000 * bitrate) / sampleRate) + ((byte2 >> 1) & 0x01);
}

/** The audio frames of an MPEG-1 Layer III file, without its tag and Info frame. */
export function loopableMp3(mp3: Buffer): Buffer {
  let at = 0;
  if (mp3.subarray(0, 3).toString('latin1') === 'ID3') {
    const size = [6, 7, 8, 9].reduce((sum, i) => (sum << 7) | ((mp3[i] ?? 0) & 0x7f), 0);
    at = ID3_HEADER_BYTES + size;
  }
  const first = frameLength(mp3, at);
  if (first === 0) throw new Error('not an MPEG-1 Layer III file');
  const header = mp3.subarray(at, at + first).toString('latin1');
  if (header.includes('Info') || header.includes('Xing')) at += first;
  return mp3.subarray(at);
}
