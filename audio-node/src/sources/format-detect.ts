/**
 * Recognises an audio container from its first bytes (and, failing that, its MIME type), and maps it to
 * the engine's format names and to lavaplayer's probe names (kept in encoded tracks).
 */

/** Formats the engine decodes without any system binary. */
export type NativeFormat = 'wav' | 'mp3' | 'flac' | 'ogg-vorbis' | 'ogg-opus' | 'webm-opus';

export type DetectedFormat =
  | { readonly kind: 'native'; readonly format: NativeFormat }
  /** A container only ffmpeg can decode; `mime` is what the engine is told. */
  | { readonly kind: 'ffmpeg'; readonly name: string; readonly mime: string }
  | { readonly kind: 'unknown' };

/** Bytes to read before calling {@link sniffFormat}; Ogg and WebM codec ids sit in the first kilobytes. */
export const SNIFF_BYTES = 16 * 1024;

const PROBE_BY_FORMAT: Record<NativeFormat, string> = {
  wav: 'wav',
  mp3: 'mp3',
  flac: 'flac',
  'ogg-vorbis': 'ogg|vorbis',
  'ogg-opus': 'ogg|opus',
  'webm-opus': 'matroska/webm|opus',
};

const FFMPEG_MIME: Record<string, string> = {
  mp4: 'audio/mp4',
  aac: 'audio/aac',
  'matroska/webm': 'video/webm',
  mpegts: 'video/mp2t',
  'ogg|flac': 'audio/ogg',
};

/** lavaplayer-style probe string stored in a track's source-specific bytes. */
export function probeOf(format: DetectedFormat): string {
  if (format.kind === 'native') return PROBE_BY_FORMAT[format.format];
  return format.kind === 'ffmpeg' ? format.name : '';
}

/** Reverse of {@link probeOf}; lavaplayer's own probes (`ogg`, `matroska/webm`) give `unknown` (sniff at open). */
export function formatFromProbe(probe: string): DetectedFormat {
  for (const [format, name] of Object.entries(PROBE_BY_FORMAT)) {
    if (name === probe) return { kind: 'native', format: format as NativeFormat };
  }
  const base = probe.split('|')[0] ?? '';
  const mime = FFMPEG_MIME[probe] ?? FFMPEG_MIME[base];
  if (mime !== undefined && base !== 'ogg' && base !== 'matroska/webm')
    return { kind: 'ffmpeg', name: probe, mime };
  return { kind: 'unknown' };
}

function ascii(head: Buffer, offset: number, length: number): string {
  return head.subarray(offset, offset + length).toString('latin1');
}

function isMp3Frame(head: Buffer, offset: number): boolean {
  const a = head[offset];
  const b = head[offset + 1];
  // Frame sync (11 bits) and a non-zero layer: layer bits 00 mean AAC (ADTS).
  return a === 0xff && b !== undefined && (b & 0xe0) === 0xe0 && (b & 0x06) !== 0;
}

/** Detects the container of `head` (the first {@link SNIFF_BYTES} of a file), with `mime` as a fallback. */
export function sniffFormat(head: Buffer, mime?: string): DetectedFormat {
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WAVE') return { kind: 'native', format: 'wav' };
  if (ascii(head, 0, 4) === 'fLaC') return { kind: 'native', format: 'flac' };
  if (ascii(head, 0, 4) === 'OggS') {
    const text = head.toString('latin1');
    if (text.includes('OpusHead')) return { kind: 'native', format: 'ogg-opus' };
    if (text.includes('\x01vorbis')) return { kind: 'native', format: 'ogg-vorbis' };
    if (text.includes('FLAC')) return { kind: 'ffmpeg', name: 'ogg|flac', mime: 'audio/ogg' };
    return { kind: 'unknown' };
  }
  if (head.readUInt32BE(0) === 0x1a45dfa3) {
    return head.includes('A_OPUS', 0, 'latin1')
      ? { kind: 'native', format: 'webm-opus' }
      : { kind: 'ffmpeg', name: 'matroska/webm', mime: 'video/webm' };
  }
  if (ascii(head, 0, 3) === 'ID3' || isMp3Frame(head, 0)) return { kind: 'native', format: 'mp3' };
  if (ascii(head, 4, 4) === 'ftyp') return { kind: 'ffmpeg', name: 'mp4', mime: 'audio/mp4' };
  if (head[0] === 0xff && head[1] !== undefined && (head[1] & 0xf6) === 0xf0) {
    return { kind: 'ffmpeg', name: 'aac', mime: 'audio/aac' };
  }
  if (head[0] === 0x47 && head[188] === 0x47) return { kind: 'ffmpeg', name: 'mpegts', mime: 'video/mp2t' };
  return sniffMime(mime);
}

function sniffMime(mime: string | undefined): DetectedFormat {
  const type = (mime ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'audio/mpeg' || type === 'audio/mp3') return { kind: 'native', format: 'mp3' };
  if (type === 'audio/wav' || type === 'audio/x-wav' || type === 'audio/wave')
    return { kind: 'native', format: 'wav' };
  if (type === 'audio/flac' || type === 'audio/x-flac') return { kind: 'native', format: 'flac' };
  if (type === 'audio/aac' || type === 'audio/aacp') return { kind: 'ffmpeg', name: 'aac', mime: type };
  if (type === 'audio/mp4' || type === 'audio/x-m4a') return { kind: 'ffmpeg', name: 'mp4', mime: type };
  return { kind: 'unknown' };
}

/** Engine format hint for a detected container (`OpenedInput.format`). */
export function engineFormatOf(format: DetectedFormat): string | null {
  if (format.kind === 'native') return format.format;
  return format.kind === 'ffmpeg' ? format.mime : null;
}
