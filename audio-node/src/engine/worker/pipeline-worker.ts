/**
 * Worker thread entry: hosts the decode -> DSP -> Opus pipelines of many players, so the main thread's
 * event loop (pacing, voice, REST) never runs codec work. Imports only relative files and npm packages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DecoderError } from '../../decoders/decoder-error.js';
import { configureFfmpeg } from '../../decoders/ffmpeg-decoder.js';
import { WavDecoder } from '../../decoders/wav-decoder.js';
import { createFrameEncoder, type FrameEncoder } from '../../dsp/opus-encoder.js';
import { TrackRenderer } from './track-renderer.js';
import type {
  FromWorker,
  FromWorkerBatch,
  PipelineWorkerData,
  ToWorker,
  ToWorkerBatch,
} from './worker-protocol.js';

/** How soon to look again for output of a decoder that produces it asynchronously (ffmpeg). */
const LATENT_POLL_MS = 10;

interface PlayerPipeline {
  encoder: FrameEncoder;
  renderer: TrackRenderer | null;
  gen: number;
  epoch: number;
  /** Render until this frame sequence number. */
  upTo: number;
  /** A rewind that arrived mid-pass, applied between passes so sequence numbers stay consistent. */
  pendingRewind: number | null;
  inputRequested: boolean;
  busy: boolean;
  /** Input, its end or a render request came while a pass ran (same batch, or an async decoder): pass again. */
  rerun: boolean;
  pollTimer: NodeJS.Timeout | null;
}

const settings = workerData as PipelineWorkerData | null;
const port = parentPort;
if (port === null) throw new Error('pipeline-worker must run in a worker thread');
const players = new Map<number, PlayerPipeline>();
configureFfmpeg(settings?.ffmpegPath);
const encoderPreference = settings?.opus === 'opusscript' ? 'opusscript' : undefined;

/**
 * How long a finished message may wait for others to share its hand-off to the main thread. Short against
 * the 200 ms a player has left when it asks for frames, long enough to gather a few players' passes.
 */
const OUTBOX_MAX_WAIT_MS = 10;

/**
 * Frames the first pass of a track (or a seek) renders: enough to start on and to cover the next frame slot,
 * so the first frame waits for a few encodes instead of the whole lookahead's (25 at Opus complexity 10).
 */
const FIRST_PASS_FRAMES = 3;

/** Messages waiting to go to the main thread together, and when the first of them was queued. */
const outbox: FromWorker[] = [];
const outboxTransfer: ArrayBuffer[] = [];
let outboxSince = 0;

function flushOutbox(): void {
  if (outbox.length === 0) return;
  port?.postMessage(outbox.splice(0) satisfies FromWorkerBatch, outboxTransfer.splice(0));
}

/** Queues a message for the main thread; `transfer` buffers are handed over, not copied. */
function post(message: FromWorker, transfer: readonly ArrayBuffer[] = []): void {
  const now = performance.now();
  if (outbox.length === 0) {
    outboxSince = now;
    // When the work queued now is done, whatever is left goes.
    setImmediate(flushOutbox);
  }
  outbox.push(message);
  outboxTransfer.push(...transfer);
  if (now - outboxSince >= OUTBOX_MAX_WAIT_MS) flushOutbox();
}

function pipeline(player: number): PlayerPipeline {
  let entry = players.get(player);
  if (entry === undefined) {
    entry = {
      encoder: createFrameEncoder(encoderPreference),
      renderer: null,
      gen: -1,
      epoch: 0,
      upTo: -1,
      pendingRewind: null,
      inputRequested: false,
      busy: false,
      rerun: false,
      pollTimer: null,
    };
    players.set(player, entry);
  }
  return entry;
}

function requestInput(player: number, entry: PlayerPipeline): void {
  if (entry.renderer?.wantsInput !== true || entry.inputRequested) return;
  entry.inputRequested = true;
  post({ type: 'needInput', player, gen: entry.gen });
}

function reportSeekIndex(player: number, entry: PlayerPipeline): void {
  const renderer = entry.renderer;
  const decoder = renderer?.currentDecoder;
  if (renderer === null || renderer === undefined || decoder == null || renderer.seekIndexReported) return;
  const index = decoder.seekIndex();
  if (index === null) return;
  renderer.seekIndexReported = true;
  const wavFormat = decoder instanceof WavDecoder ? decoder.wavFormat : null;
  post({ type: 'seekIndex', player, gen: entry.gen, index, wavFormat });
}

/** Applies a pending rewind; true when there was one. */
function applyRewind(entry: PlayerPipeline): boolean {
  const seq = entry.pendingRewind;
  if (seq === null) return false;
  entry.pendingRewind = null;
  // When the frame's audio is no longer retained, rendering just continues: the main side accepts the jump.
  entry.renderer?.rewind(seq);
  return true;
}

function owed(entry: PlayerPipeline): number {
  return entry.renderer === null ? 0 : Math.max(0, entry.upTo - entry.renderer.nextSeq + 1);
}

/** Renders what is owed; one pass at a time per player, re-run when input arrives. */
async function pump(player: number, entry: PlayerPipeline): Promise<void> {
  if (!entry.busy) applyRewind(entry);
  if (entry.busy) entry.rerun = true;
  if (entry.busy || entry.renderer === null || owed(entry) === 0) {
    requestInput(player, entry);
    return;
  }
  entry.busy = true;
  const { renderer, gen, epoch } = entry;
  let progressed = false;
  try {
    const starting = renderer.nextSeq === 0;
    const batch = await renderer.render(starting ? Math.min(owed(entry), FIRST_PASS_FRAMES) : owed(entry));
    if (entry.gen !== gen || entry.renderer !== renderer) return;
    progressed = batch.frames.length > 0;
    reportSeekIndex(player, entry);
    // A batch rendered across a rewind carries old settings and reissued numbers: not sent.
    if (entry.epoch === epoch && (batch.frames.length > 0 || batch.ended)) {
      const frames = batch.frames.length;
      const timings = {
        decode: batch.decodeSeconds,
        encodePerFrame: frames === 0 ? null : batch.encodeSeconds / frames,
      };
      const { firstSeq, positionsMs, ended } = batch;
      const lengths = batch.frames.map((frame) => frame.length);
      const packed = new Uint8Array(lengths.reduce((sum, length) => sum + length, 0));
      let offset = 0;
      for (const frame of batch.frames) {
        packed.set(frame, offset);
        offset += frame.length;
      }
      const message: FromWorker = {
        type: 'frames',
        player,
        gen,
        epoch,
        firstSeq,
        packed,
        lengths,
        positionsMs,
        ended,
        timings,
      };
      post(message, [packed.buffer]);
      // A listener is waiting for a track's first frames: they go at once, not with other players' output.
      if (starting) flushOutbox();
    }
    if (batch.ended) entry.upTo = -1;
    if (owed(entry) > 0 && renderer.currentDecoder?.latent === true && entry.pollTimer === null) {
      entry.pollTimer = setTimeout(() => {
        entry.pollTimer = null;
        void pump(player, entry);
      }, LATENT_POLL_MS);
    }
  } catch (error) {
    if (entry.gen !== gen) return;
    entry.upTo = -1;
    const code = error instanceof DecoderError ? error.code : 'DECODER_INVALID_DATA';
    post({
      type: 'error',
      player,
      gen,
      code,
      message: error instanceof Error ? error.message : String(error),
    });
    renderer.free();
    entry.renderer = null;
  } finally {
    entry.busy = false;
  }
  requestInput(player, entry);
  if (applyRewind(entry)) progressed = true;
  const rerun = entry.rerun;
  entry.rerun = false;
  // Input may have arrived while this pass ran: go on as long as passes make progress or news came.
  if ((progressed || rerun) && owed(entry) > 0 && entry.gen === gen && entry.renderer !== null)
    void pump(player, entry);
}

function stopTrack(entry: PlayerPipeline): void {
  entry.renderer?.free();
  entry.renderer = null;
  entry.upTo = -1;
  entry.pendingRewind = null;
  entry.inputRequested = false;
  entry.rerun = false;
  if (entry.pollTimer !== null) clearTimeout(entry.pollTimer);
  entry.pollTimer = null;
}

function shutdown(): never {
  for (const entry of players.values()) {
    stopTrack(entry);
    entry.encoder.close();
  }
  players.clear();
  // Runs from a message handler, so no codec call is in progress: the worker thread ends cleanly here.
  process.exit(0);
}

function handle(message: ToWorker): void {
  if (message.type === 'shutdown') shutdown();
  const entry = pipeline(message.player);
  switch (message.type) {
    case 'start':
      stopTrack(entry);
      entry.gen = message.gen;
      entry.epoch = 0;
      entry.renderer = new TrackRenderer(message, entry.encoder);
      requestInput(message.player, entry);
      return;
    case 'input':
      if (message.gen !== entry.gen || entry.renderer === null) return;
      entry.renderer.pushInput(message.chunk);
      entry.inputRequested = false;
      void pump(message.player, entry);
      return;
    case 'inputEnd':
      if (message.gen !== entry.gen || entry.renderer === null) return;
      entry.renderer.endInput();
      entry.inputRequested = false;
      void pump(message.player, entry);
      return;
    case 'configure':
      entry.renderer?.configure(message.filters, message.volume);
      if (message.rewind !== undefined) {
        entry.epoch = message.rewind.epoch;
        entry.pendingRewind = message.rewind.fromSeq;
        if (!entry.busy) applyRewind(entry);
      }
      return;
    case 'render':
      if (message.gen !== entry.gen || message.epoch !== entry.epoch) return;
      entry.upTo = Math.max(entry.upTo, message.upTo);
      void pump(message.player, entry);
      return;
    case 'stop':
      stopTrack(entry);
      return;
    case 'release':
      stopTrack(entry);
      entry.encoder.close();
      players.delete(message.player);
      return;
  }
}

// One task per message, as when messages came one by one: handled all at once, every player of a batch
// would get its frames only after the last one's pass, and players woken together stay in step, so the
// batches, and that wait, grow to all of the worker's players.
port.on('message', (batch: ToWorkerBatch) => {
  for (const message of batch) setImmediate(handle, message);
});
