import { READINESS_CHECK_TIMEOUT_MS, ReadinessRegistry, down, up } from '@discord-bot/observability';
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('ReadinessRegistry', () => {
  afterEach(() => vi.useRealTimers());

  it('GIVEN no checks THEN it is ready', async () => {
    expect(await new ReadinessRegistry().evaluate()).toEqual({ ready: true, checks: {} });
  });

  it('GIVEN one check down THEN not ready and every check is listed with its state', async () => {
    const registry = new ReadinessRegistry();
    registry.register('database', () => up('3 ms'));
    registry.register('redis', async () => Promise.resolve(down('connection refused')));
    expect(await registry.evaluate()).toEqual({
      ready: false,
      checks: {
        database: { state: 'up', detail: '3 ms' },
        redis: { state: 'down', detail: 'connection refused' },
      },
    });
  });

  it('GIVEN a check that throws THEN it is down with the message, secrets masked', async () => {
    const registry = new ReadinessRegistry();
    registry.register('redis', () => {
      throw new Error('cannot reach redis://:hunter2@cache:6379');
    });
    const { checks } = await registry.evaluate();
    expect(checks['redis']?.state).toBe('down');
    expect(checks['redis']?.detail).toContain('cache:6379');
    expect(checks['redis']?.detail).not.toContain('hunter2');
  });

  it('GIVEN a check that never answers THEN it is down after the timeout', async () => {
    vi.useFakeTimers();
    const registry = new ReadinessRegistry();
    registry.register('lavalink', () => new Promise(() => undefined));
    const report = registry.evaluate();
    await vi.advanceTimersByTimeAsync(READINESS_CHECK_TIMEOUT_MS);
    expect(await report).toEqual({
      ready: false,
      checks: { lavalink: { state: 'down', detail: `no answer within ${READINESS_CHECK_TIMEOUT_MS} ms` } },
    });
  });

  it('GIVEN a name registered twice THEN the second registration throws', () => {
    const registry = new ReadinessRegistry();
    registry.register('discord', () => up());
    expect(() => registry.register('discord', () => up())).toThrow(/already registered/);
  });

  it('GIVEN a scoped registrar THEN names are prefixed, and unregistering removes the check', async () => {
    const registry = new ReadinessRegistry();
    const remove = registry.scoped('gateway').register('discord', () => down('connecting'));
    expect(Object.keys((await registry.evaluate()).checks)).toEqual(['gateway/discord']);
    remove();
    expect(await registry.evaluate()).toEqual({ ready: true, checks: {} });
  });
});
