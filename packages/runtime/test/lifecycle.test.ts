import { createSilentLogger } from '@discord-bot/logger';
import { FORCED_EXIT_CODE, Lifecycle } from '@discord-bot/runtime';
import { afterEach, describe, expect, it, vi } from 'vitest';

function make(timeoutMs = 1_000) {
  const exit = vi.fn<(code: number) => void>();
  const lifecycle = new Lifecycle({ logger: createSilentLogger(), timeoutMs, exit });
  return { lifecycle, exit };
}

describe('Lifecycle', () => {
  afterEach(() => vi.useRealTimers());

  it('GIVEN hooks THEN shutdown runs them once, last registered first, and resolves 0', async () => {
    const { lifecycle } = make();
    const order: string[] = [];
    lifecycle.onShutdown('http server', () => void order.push('http server'));
    lifecycle.onShutdown('queue', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('queue');
    });
    lifecycle.onShutdown('intake', () => void order.push('intake'));
    lifecycle.markRunning();
    expect(lifecycle.state).toBe('running');

    const first = lifecycle.shutdown('test');
    expect(lifecycle.state).toBe('draining');
    expect(lifecycle.shutdown('again')).toBe(first);
    expect(await first).toBe(0);
    expect(order).toEqual(['intake', 'queue', 'http server']);
    expect(lifecycle.state).toBe('stopped');
  });

  it('GIVEN a hook that throws THEN the others still run and the exit code is 1', async () => {
    const { lifecycle } = make();
    const ran: string[] = [];
    lifecycle.onShutdown('first', () => void ran.push('first'));
    lifecycle.onShutdown('broken', () => {
      throw new Error('boom');
    });
    expect(await lifecycle.shutdown('test')).toBe(1);
    expect(ran).toEqual(['first']);
  });

  it('GIVEN a hook that hangs THEN the hard timer exits 1', async () => {
    vi.useFakeTimers();
    const { lifecycle, exit } = make(500);
    lifecycle.onShutdown('stuck', () => new Promise<void>(() => undefined));
    void lifecycle.shutdown('test');
    await vi.advanceTimersByTimeAsync(499);
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('GIVEN shutdown started THEN registering a new hook is refused', () => {
    const { lifecycle } = make();
    void lifecycle.shutdown('test');
    expect(() => lifecycle.onShutdown('late', () => undefined)).toThrow(
      /cannot register shutdown hook "late"/,
    );
  });

  it('GIVEN SIGTERM THEN graceful exit with the hooks result; a second signal exits at once', async () => {
    const { lifecycle, exit } = make();
    let release: () => void = () => undefined;
    lifecycle.onShutdown('slow', () => new Promise<void>((resolve) => (release = resolve)));
    const remove = lifecycle.handleSignals(['SIGUSR2']);
    try {
      process.emit('SIGUSR2', 'SIGUSR2');
      await vi.waitFor(() => expect(lifecycle.state).toBe('draining'));
      expect(exit).not.toHaveBeenCalled();

      process.emit('SIGUSR2', 'SIGUSR2');
      expect(exit).toHaveBeenCalledWith(FORCED_EXIT_CODE);

      release();
      await vi.waitFor(() => expect(exit).toHaveBeenLastCalledWith(0));
    } finally {
      remove();
    }
  });
});
