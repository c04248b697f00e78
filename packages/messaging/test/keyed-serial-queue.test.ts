import { describe, expect, it } from 'vitest';
import { KeyedSerialQueue } from '../src/index.js';
import { latch } from './support/fixtures.js';

describe('KeyedSerialQueue', () => {
  it('GIVEN tasks of one key THEN they run one after another in push order', async () => {
    const queue = new KeyedSerialQueue();
    const order: string[] = [];
    const gate = latch();
    queue.push('a', async () => {
      await gate.promise;
      order.push('a1');
    });
    queue.push('a', () => {
      order.push('a2');
      return Promise.resolve();
    });
    queue.push('b', () => {
      order.push('b1');
      return Promise.resolve();
    });

    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['b1']); // b is not held up by a
    gate.release();
    await queue.idle();
    expect(order).toEqual(['b1', 'a1', 'a2']);
    expect(queue.size).toBe(0);
  });
});
