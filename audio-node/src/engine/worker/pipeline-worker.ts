/**
 * Worker thread entry: hosts the decode -> DSP -> Opus pipelines of many players, so the main thread's
 * event loop (pacing, voice, REST) never runs codec work. Imports only relative files and npm packages.
 */
import { parentPort } from 'node:worker_threads';
import { DecoderError } from '../../decoders/decoder-error.js';
import { WavDecoder } from '../../decoders/wav-decoder.js';
import { createFrameEncoder, type FrameEncoder } from '../../dsp/opus-encoder.js';
import { TrackRenderer } from './track-renderer.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** How soon to look again for output of a decoder that produces it asynchronously (ffmpeg). */
const LATENT_POLL_MS = 10;

interface PlayerPipeline {
  encoder: FrameEncoder;
  renderer: TrackRenderer | null;
  gen: number;
  owed: number;
  inputRequested: boolean;
  busy: boolean;
  pollTimer: NodeJS.Timeout | null;
}

const port = parentPort;
if (port === null) throw new Error('pipeline-worker must run in a worker thread');
const players = new Map<number, PlayerPipeline>();
const encoderPreference = process.env['AUDIO_NODE_OPUS'] === 'opusscript' ? 'opusscript' : undefined;

function post(message: FromWorker): void {
  port?.postMessage(message);
}

function pipeline(player: number): PlayerPipeline {
  let entry = players.get(player);
  if (entry === undefined) {
    entry = {
      encoder: createFrameEncoder(encoderPreference),
      renderer: null,
      gen: -1,
      owed: 0,
      inputRequested: false,
      busy: false,
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

/** Renders what is owed; one pass at a time per player, re-run when input arrives. */
async function pump(player: number, entry: PlayerPipeline): Promise<void> {
  if (entry.busy || entry.renderer === null || entry.owed === 0) {
    requestInput(player, entry);
    return;
  }
  entry.busy = true;
  const { renderer, gen } = entry;
  let progressed = false;
  try {
    const batch = await renderer.render(entry.owed);
    if (entry.gen !== gen) return;
    entry.owed -= batch.frames.length;
    progressed = batch.frames.length > 0;
    reportSeekIndex(player, entry);
    if (batch.frames.length > 0 || batch.ended) {
      const timings = { decode: batch.decodeSeconds, encode: batch.encodeSeconds };
      post({
        type: 'frames',
        player,
        gen,
        frames: batch.frames,
        positionsMs: batch.positionsMs,
        ended: batch.ended,
        timings,
      });
    }
    if (batch.ended) entry.owed = 0;
    if (entry.owed > 0 && renderer.currentDecoder?.latent === true && entry.pollTimer === null) {
      entry.pollTimer = setTimeout(() => {
        entry.pollTimer = null;
        void pump(player, entry);
      }, LATENT_POLL_MS);
    }
  } catch (error) {
    if (entry.gen !== gen) return;
    entry.owed = 0;
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
  // Input may have arrived while this pass ran: go on as long as passes make progress.
  if (progressed && entry.owed > 0 && entry.gen === gen && entry.renderer !== null) void pump(player, entry);
}

function stopTrack(entry: PlayerPipeline): void {
  entry.renderer?.free();
  entry.renderer = null;
  entry.owed = 0;
  entry.inputRequested = false;
  if (entry.pollTimer !== null) clearTimeout(entry.pollTimer);
  entry.pollTimer = null;
}

function handle(message: ToWorker): void {
  const entry = pipeline(message.player);
  switch (message.type) {
    case 'start':
      stopTrack(entry);
      entry.gen = message.gen;
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
      return;
    case 'render':
      if (message.gen !== entry.gen) return;
      entry.owed += message.frames;
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

port.on('message', handle);
