import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { DecoderError } from './decoder-error.js';
import type { ByteSeekIndex, DecodedPcm, StreamDecoder } from './stream-decoder.js';

const OUTPUT_RATE = 48_000;
const STDERR_TAIL_BYTES = 2_000;

/** `undefined`: search PATH at each use; a path: that binary; `null`: ffmpeg disabled. */
let configuredBinary: string | null | undefined;

/** Sets the ffmpeg binary this thread uses (the engine passes its `ffmpegPath` option to each worker). */
export function configureFfmpeg(binary: string | null | undefined): void {
  configuredBinary = binary;
}

/** Finds an executable `ffmpeg` on PATH, or `null`. */
export function findFfmpeg(path = process.env['PATH'] ?? ''): string | null {
  const names = process.platform === 'win32' ? ['ffmpeg.exe'] : ['ffmpeg'];
  for (const dir of path.split(delimiter)) {
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

function toPlanar(bytes: Buffer): DecodedPcm {
  const frames = bytes.length >> 2;
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  for (let frame = 0; frame < frames; frame++) {
    left[frame] = bytes.readInt16LE(frame * 4) / 32_768;
    right[frame] = bytes.readInt16LE(frame * 4 + 2) / 32_768;
  }
  return { channels: [left, right], sampleRate: OUTPUT_RATE };
}

/**
 * Any container ffmpeg understands, decoded by an `ffmpeg` found on PATH (bytes piped in, 48 kHz stereo
 * s16le piped out). Used only for formats without a built-in decoder.
 */
export class FfmpegDecoder implements StreamDecoder {
  public readonly latent = true;
  private readonly output: Buffer[] = [];
  private outputBytes = 0;
  private stderr = '';
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcessByStdio<Writable, Readable, Readable>) {
    child.stdout.on('data', (data: Buffer) => {
      this.output.push(data);
      this.outputBytes += data.length;
    });
    child.stderr.on('data', (data: Buffer) => {
      this.stderr = (this.stderr + data.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    // A closed stdin (ffmpeg gave up on the input) surfaces through the exit code, not as a crash.
    child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      child.on('close', (code) => resolve(code));
      child.on('error', () => resolve(-1));
    });
  }

  /** Starts ffmpeg; fails with `DECODER_FFMPEG_MISSING` naming what to install when there is none. */
  public static create(format: string): FfmpegDecoder {
    const binary = configuredBinary === undefined ? findFfmpeg() : configuredBinary;
    if (binary === null) {
      throw new DecoderError(
        'DECODER_FFMPEG_MISSING',
        `no built-in decoder for "${format}" and no ffmpeg on PATH: install ffmpeg to play this format`,
      );
    }
    const args = ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', '-vn', '-f', 's16le'];
    args.push('-ac', '2', '-ar', String(OUTPUT_RATE), 'pipe:1');
    return new FfmpegDecoder(spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  public async decode(chunk: Uint8Array): Promise<DecodedPcm | null> {
    if (chunk.length > 0 && !this.child.stdin.write(chunk)) {
      await new Promise<void>((resolve) => {
        this.child.stdin.once('drain', resolve);
        this.child.once('close', resolve);
      });
    }
    return this.take();
  }

  public async flush(): Promise<DecodedPcm | null> {
    this.child.stdin.end();
    const code = await this.exited;
    if (code !== 0) {
      throw new DecoderError('DECODER_FFMPEG_FAILED', `ffmpeg exited with ${code}: ${this.stderr.trim()}`);
    }
    return this.take();
  }

  public seekIndex(): ByteSeekIndex | null {
    return null;
  }

  public free(): void {
    this.child.kill('SIGKILL');
  }

  private take(): DecodedPcm | null {
    const whole = this.outputBytes - (this.outputBytes % 4);
    if (whole === 0) return null;
    const joined = Buffer.concat(this.output, this.outputBytes);
    this.output.length = 0;
    this.output.push(joined.subarray(whole));
    this.outputBytes -= whole;
    return toPlanar(joined.subarray(0, whole));
  }
}
