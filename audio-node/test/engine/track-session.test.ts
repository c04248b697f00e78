import { Readable } from 'node:stream';
import { createSilentLogger } from '@discord-bot/logger';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineMetrics } from '../../src/engine/engine-metrics.js';
import type { EngineTrack } from '../../src/engine/index.js';
import { TrackSession } from '../../src/engine/track-session.js';
import type { FromWorker, ToWorker } from '../../src/engine/worker/worker-protocol.js';

/** A session driven by hand: the test plays the worker's part. */
function setup(isStream: boolean): { session: TrackSession; sent: ToWorker[] } {
  const sent: ToWorker[] = [];
  const track: EngineTrack = {
    identifier: 'fake',
    isStream,
    isSeekable: !isStream,
    lengthMs: 0,
    open: () => Promise.resolve({ stream: Readable.from([Buffer.alloc(16)]), format: 'wav' }),
  };
  const session = new TrackSession({
    track,
    playerId: 7,
    send: (message) => sent.push(message),
    metrics: new EngineMetrics(),
    logger: createSilentLogger(),
    filters: {},
    volume: 100,
    onFatal: () => undefined,
  });
  return { session, sent };
}

function frames(gen: number, epoch: number, firstSeq: number, count: number, ended = false): FromWorker {
  return {
    type: 'frames',
    player: 7,
    gen,
    epoch,
    firstSeq,
    packed: new Uint8Array(count).fill(firstSeq % 256),
    lengths: Array.from({ length: count }, () => 1),
    positionsMs: Array.from({ length: count }, (_, index) => (firstSeq + index + 1) * 20),
    ended,
    timings: { decode: [], encodePerFrame: null },
  };
}

const last = <T extends ToWorker['type']>(sent: ToWorker[], type: T): Extract<ToWorker, { type: T }> =>
  sent.filter((message): message is Extract<ToWorker, { type: T }> => message.type === type).at(-1)!;

describe('TrackSession frame flow', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('GIVEN a filter change THEN it keeps 3 frames, re-renders from the 4th under a new epoch, and drops stale frames', async () => {
    const { session, sent } = setup(false);
    session.start(0);
    await vi.advanceTimersByTimeAsync(0);
    const { gen } = last(sent, 'start');
    expect(last(sent, 'render')).toMatchObject({ gen, epoch: 0, upTo: 24 });
    session.onWorkerMessage(frames(gen, 0, 0, 25));
    for (let index = 0; index < 3; index++) session.take();
    session.configure({ volume: 0.5 }, 100);
    expect(last(sent, 'configure')).toMatchObject({ volume: 100, rewind: { epoch: 1, fromSeq: 6 } });
    expect(last(sent, 'render')).toMatchObject({ gen, epoch: 1, upTo: 27 });
    expect(session.buffered).toBe(3);
    session.onWorkerMessage(frames(gen, 0, 25, 3));
    expect(session.buffered).toBe(3);
    session.onWorkerMessage(frames(gen, 1, 6, 22));
    expect(session.buffered).toBe(25);
    expect([3, 4, 5, 6, 7].map(() => session.take()?.positionMs)).toEqual([80, 100, 120, 140, 160]);
    session.close();
  });

  it('GIVEN a re-render the worker can no longer do THEN the dropped frames play as they were, no hole', async () => {
    const { session, sent } = setup(false);
    session.start(0);
    await vi.advanceTimersByTimeAsync(0);
    const { gen } = last(sent, 'start');
    session.onWorkerMessage(frames(gen, 0, 0, 25));
    session.configure({ volume: 0.5 }, 100);
    expect(last(sent, 'configure').rewind).toEqual({ epoch: 1, fromSeq: 3 });
    // The worker's audio for frame 3 is gone: it answers from frame 25 on.
    session.onWorkerMessage(frames(gen, 1, 25, 5));
    const positions = Array.from({ length: 30 }, () => session.take()?.positionMs);
    expect(positions).toEqual(Array.from({ length: 30 }, (_, index) => (index + 1) * 20));
    session.close();
  });

  it('GIVEN a radio reconnect with old frames still queued THEN a filter change rewinds only new-generation frames', async () => {
    const { session, sent } = setup(true);
    session.start(0);
    await vi.advanceTimersByTimeAsync(0);
    const first = last(sent, 'start').gen;
    session.onWorkerMessage(frames(first, 0, 100, 25, true));
    // The worker drained the dropped stream: the session reconnects after its backoff.
    await vi.advanceTimersByTimeAsync(1_000);
    const second = last(sent, 'start').gen;
    expect(second).not.toBe(first);
    session.onWorkerMessage(frames(second, 0, 0, 2));
    session.configure({}, 50);
    // Old-generation frames cannot be re-rendered, so they all stay; the rewind starts at the first
    // new-generation frame (seq 0), not at an old frame's number.
    expect(last(sent, 'configure').rewind).toEqual({ epoch: 1, fromSeq: 0 });
    expect(session.buffered).toBe(25);
    session.onWorkerMessage(frames(second, 1, 0, 10));
    expect(session.buffered).toBe(35);
    session.close();
  });
});
