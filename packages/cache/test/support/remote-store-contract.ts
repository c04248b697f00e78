import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemoteCacheStore } from '../../src/index.js';
import { eventually } from './fixtures.js';

/** One implementation of the shared tier, with a way to dispose of it. */
export interface RemoteStoreHarness {
  readonly store: RemoteCacheStore;
  dispose(): Promise<void>;
}

/** What every {@link RemoteCacheStore} must do; run on the in-process store and on Redis. */
export function remoteStoreContract(name: string, makeHarness: () => RemoteStoreHarness, skip = false): void {
  describe.skipIf(skip)(`remote cache store contract: ${name}`, () => {
    let harness: RemoteStoreHarness;
    beforeEach(() => {
      harness = makeHarness();
    });
    afterEach(async () => {
      await harness.dispose();
    });

    it('GIVEN a stored value THEN it is read back until deleted', async () => {
      const { store } = harness;
      await store.set('k', 'value', 60_000);
      expect(await store.get('k')).toBe('value');
      await store.delete('k');
      expect(await store.get('k')).toBeUndefined();
    });

    it('GIVEN a value past its TTL THEN it is gone', async () => {
      const { store } = harness;
      await store.set('short', 'value', 20);
      await eventually(async () => (await store.get('short')) === undefined);
    });

    it('GIVEN a listener THEN it hears announced keys with their origin, until it stops', async () => {
      const { store } = harness;
      const heard: string[] = [];
      const stop = await store.listen((key, origin) => void heard.push(`${origin}/${key}`));
      await store.announce('a', 'process-1');
      await eventually(() => heard.length === 1);
      await stop();
      await store.announce('b', 'process-1');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toEqual(['process-1/a']);
    });
  });
}
