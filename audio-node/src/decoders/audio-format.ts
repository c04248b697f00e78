/** Formats with a built-in decoder; anything else goes to ffmpeg when one is on PATH. */
export type BuiltInFormat = 'wav' | 'mp3' | 'flac' | 'ogg-vorbis' | 'ogg-opus' | 'webm-opus';

const ALIASES: Readonly<Record<string, BuiltInFormat>> = {
  wav: 'wav',
  wave: 'wav',
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/vnd.wave': 'wav',
  mp3: 'mp3',
  mpeg: 'mp3',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mpeg3': 'mp3',
  flac: 'flac',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'ogg-vorbis': 'ogg-vorbis',
  vorbis: 'ogg-vorbis',
  ogg: 'ogg-vorbis',
  oga: 'ogg-vorbis',
  'audio/ogg': 'ogg-vorbis',
  'audio/vorbis': 'ogg-vorbis',
  'ogg-opus': 'ogg-opus',
  opus: 'ogg-opus',
  'audio/opus': 'ogg-opus',
  'audio/ogg; codecs=opus': 'ogg-opus',
  'webm-opus': 'webm-opus',
  webm: 'webm-opus',
  'audio/webm': 'webm-opus',
  'audio/webm; codecs=opus': 'webm-opus',
};

/**
 * Maps a container hint (`mp3`, a file extension, a MIME type with parameters) to a built-in format, or
 * `null` when only ffmpeg can decode it.
 */
export function resolveFormat(hint: string): BuiltInFormat | null {
  const normalized = hint
    .trim()
    .toLowerCase()
    .replace(/\s*;\s*/g, '; ')
    .replace(/"/g, '');
  return ALIASES[normalized] ?? ALIASES[normalized.split(';')[0] ?? ''] ?? null;
}

/** Sniffs the first bytes when the hint is missing or generic (`application/octet-stream`). */
export function sniffFormat(head: Uint8Array): BuiltInFormat | null {
  const text = String.fromCharCode(...head.subarray(0, 64));
  if (text.startsWith('RIFF') && text.slice(8, 12) === 'WAVE') return 'wav';
  if (text.startsWith('fLaC')) return 'flac';
  if (text.startsWith('OggS')) return text.includes('OpusHead') ? 'ogg-opus' : 'ogg-vorbis';
  if (text.startsWith('\x1a\x45\xdf\xa3')) return 'webm-opus';
  const mpegSync =
    (head[0] ?? 0) === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0 && ((head[1] ?? 0) & 0x06) !== 0;
  if (text.startsWith('ID3') || mpegSync) return 'mp3';
  return null;
}
