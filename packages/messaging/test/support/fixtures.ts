import { createSilentLogger } from '@discord-bot/logger';
import { Registry } from 'prom-client';
import type { Track } from '../../src/index.js';

export const GUILD_A = '100000000000000001';
export const GUILD_B = '100000000000000002';
export const USER = '200000000000000001';
export const VOICE = '300000000000000001';
export const TEXT = '300000000000000002';

export const logger = createSilentLogger();

export function newRegistry(): Registry {
  return new Registry();
}

export function track(title: string): Track {
  return {
    encoded: `encoded-${title}`,
    title,
    author: 'Test Artist',
    durationMs: 180_000,
    isStream: false,
    uri: null,
    artworkUrl: null,
    sourceName: 'http',
    requester: { userId: USER, displayName: 'Tester' },
  };
}

/** A promise with its resolver, to hold a handler until the test lets it go. */
export function latch<T = void>(): { promise: Promise<T>; release: (value: T) => void } {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release };
}

/** Polls `check` until it holds or `timeoutMs` passes (generous: never a tight timing assertion). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Sum of a counter's values with the given labels (all series when none). */
export async function counterValue(
  registry: Registry,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (metric === undefined) return 0;
  const { values } = await metric.get();
  return values
    .filter((value) => Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted))
    .reduce((sum, value) => sum + value.value, 0);
}
