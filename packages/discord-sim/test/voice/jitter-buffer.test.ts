import { describe, expect, it } from 'vitest';
import { JitterBuffer, sequenceDistance } from '../../src/voice/jitter-buffer.js';

function harness(depth = 4): { buffer: JitterBuffer<string>; delivered: number[]; lost: number[] } {
  const delivered: number[] = [];
  const lost: number[] = [];
  const buffer = new JitterBuffer<string>(depth, {
    onFrame: (_item, sequence) => delivered.push(sequence),
    onLost: (count) => lost.push(count),
  });
  return { buffer, delivered, lost };
}

describe('GIVEN a jitter buffer four frames deep', () => {
  it('THEN in-order frames pass straight through', () => {
    const { buffer, delivered, lost } = harness();
    for (const sequence of [10, 11, 12]) buffer.push(sequence, 'x');
    expect(delivered).toEqual([10, 11, 12]);
    expect(lost).toEqual([]);
  });

  it('THEN frames swapped in flight are delivered in sequence order with no loss', () => {
    const { buffer, delivered, lost } = harness();
    for (const sequence of [1, 3, 2, 5, 4, 6]) buffer.push(sequence, 'x');
    expect(delivered).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lost).toEqual([]);
  });

  it('THEN a missing frame counts as lost once a frame four ahead arrives, and its late arrival is dropped', () => {
    const { buffer, delivered, lost } = harness();
    for (const sequence of [1, 3, 4, 5]) buffer.push(sequence, 'x');
    expect(delivered).toEqual([1]);
    buffer.push(6, 'x');
    expect(delivered).toEqual([1, 3, 4, 5, 6]);
    expect(lost).toEqual([1]);
    buffer.push(2, 'late');
    expect(delivered).toEqual([1, 3, 4, 5, 6]);
  });

  it('THEN sequence numbers wrap from 65535 to 0 without loss', () => {
    const { buffer, delivered, lost } = harness();
    for (const sequence of [65534, 65535, 0, 1]) buffer.push(sequence, 'x');
    expect(delivered).toEqual([65534, 65535, 0, 1]);
    expect(lost).toEqual([]);
    expect(sequenceDistance(65535, 1)).toBe(2);
    expect(sequenceDistance(1, 65535)).toBe(-2);
  });

  it('WHEN the stream pauses behind a hole THEN flush delivers the held frames and counts the hole', () => {
    const { buffer, delivered, lost } = harness();
    for (const sequence of [1, 2, 5]) buffer.push(sequence, 'x');
    buffer.flush();
    expect(delivered).toEqual([1, 2, 5]);
    expect(lost).toEqual([2]);
    expect(buffer.heldCount).toBe(0);
  });

  it('THEN duplicates are ignored', () => {
    const { buffer, delivered } = harness();
    for (const sequence of [1, 1, 2, 2]) buffer.push(sequence, 'x');
    expect(delivered).toEqual([1, 2]);
  });
});
