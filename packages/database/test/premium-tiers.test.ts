import { expect, it } from 'vitest';
import { describeEachBackend } from './support/backends.js';
import { snowflake } from './support/fixtures.js';

describeEachBackend('premium tier repository', (db) => {
  it('GIVEN tiers upserted THEN they are listed by rank and an upsert replaces a tier', async () => {
    const suffix = snowflake().slice(-6);
    const plus = {
      id: `plus${suffix}`,
      name: 'Plus',
      rank: 1,
      monthlyPriceCents: 299,
      limits: { maxQueueLength: 1_000 },
    };
    const pro = {
      id: `pro${suffix}`,
      name: 'Pro',
      rank: 2,
      monthlyPriceCents: 599,
      limits: { features: ['filters'] },
    };
    await db().premiumTiers.upsert(pro);
    await db().premiumTiers.upsert(plus);
    const listed = (await db().premiumTiers.list()).filter((tier) => tier.id.endsWith(suffix));
    expect(listed).toEqual([plus, pro]);
    await db().premiumTiers.upsert({ ...plus, monthlyPriceCents: 349 });
    expect((await db().premiumTiers.find(plus.id))?.monthlyPriceCents).toBe(349);
    expect(await db().premiumTiers.find('no-such-tier')).toBeUndefined();
  });
});
