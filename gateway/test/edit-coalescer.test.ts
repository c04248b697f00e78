import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditCoalescer } from '../src/domain/services/edit-coalescer.js';

afterEach(() => vi.useRealTimers());

describe('EditCoalescer', () => {
  it('GIVEN a burst of changes THEN the first goes out at once and the rest collapse into one edit per interval', async () => {
    vi.useFakeTimers();
    const coalescer = new EditCoalescer({ intervalMs: 5_000 });
    const edits: number[] = [];
    let state = 0;
    const flush = () => {
      edits.push(state);
      return Promise.resolve();
    };
    for (state = 1; state <= 40; state += 1) {
      coalescer.schedule('guild', flush);
      await vi.advanceTimersByTimeAsync(250); // 40 changes over 10 s
    }
    state = 40;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(edits[0]).toBe(1);
    expect(edits.length).toBeLessThanOrEqual(4);
    expect(edits.at(-1)).toBe(40);
    coalescer.close();
  });

  it('THEN two edits of one message are never closer than the interval', async () => {
    vi.useFakeTimers();
    const coalescer = new EditCoalescer({ intervalMs: 5_000 });
    const at: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      coalescer.schedule('guild', () => {
        at.push(Date.now());
        return Promise.resolve();
      });
      await vi.advanceTimersByTimeAsync(97);
    }
    await vi.advanceTimersByTimeAsync(5_000);
    const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(5_000);
    coalescer.close();
  });

  it('GIVEN different messages THEN each has its own budget', async () => {
    vi.useFakeTimers();
    const coalescer = new EditCoalescer({ intervalMs: 5_000 });
    const edits: string[] = [];
    for (const key of ['a', 'b', 'c']) coalescer.schedule(key, () => Promise.resolve(void edits.push(key)));
    await vi.advanceTimersByTimeAsync(0);
    expect(edits).toEqual(['a', 'b', 'c']);
    coalescer.close();
  });

  it('GIVEN a failing edit THEN the error is reported and later edits still go out', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const coalescer = new EditCoalescer({ intervalMs: 1_000, onError: (_key, error) => errors.push(error) });
    coalescer.schedule('a', () => Promise.reject(new Error('429')));
    await vi.advanceTimersByTimeAsync(0);
    let done = false;
    coalescer.schedule('a', () => Promise.resolve(void (done = true)));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(errors).toHaveLength(1);
    expect(done).toBe(true);
    coalescer.close();
  });

  it('GIVEN a forgotten message THEN its pending edit never runs', async () => {
    vi.useFakeTimers();
    const coalescer = new EditCoalescer({ intervalMs: 1_000 });
    const edits: number[] = [];
    coalescer.schedule('a', () => Promise.resolve(void edits.push(1)));
    coalescer.schedule('a', () => Promise.resolve(void edits.push(2)));
    coalescer.forget('a');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(edits).toEqual([1]);
  });
});
