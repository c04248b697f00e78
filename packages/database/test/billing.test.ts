import { describe, expect, it } from 'vitest';
import { describeEachBackend } from './support/backends.js';
import { snowflake } from './support/fixtures.js';

const DAY_MS = 86_400_000;

describeEachBackend('billing', (db) => {
  describe('premium tier repository', () => {
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

  describe('customer repository', () => {
    it('GIVEN a Discord user upserted twice THEN one customer exists and omitted fields are kept', async () => {
      const discordUserId = snowflake();
      const first = await db().customers.upsert({
        discordUserId,
        email: 'a@example.com',
        externalRef: `cus_${discordUserId}`,
      });
      const second = await db().customers.upsert({ discordUserId, email: 'b@example.com' });
      expect(second).toEqual({ ...first, email: 'b@example.com' });
      expect(await db().customers.findByDiscordUser(discordUserId)).toEqual(second);
      expect(await db().customers.find(first.id)).toEqual(second);
    });

    it('GIVEN an unknown or malformed id THEN find returns undefined', async () => {
      expect(await db().customers.find('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      expect(await db().customers.find('cus_123')).toBeUndefined();
      expect(await db().customers.findByDiscordUser(snowflake())).toBeUndefined();
    });
  });

  describe('subscription repository', () => {
    async function setup() {
      const suffix = snowflake().slice(-8);
      const plus = await db().premiumTiers.upsert({
        id: `plus${suffix}`,
        name: 'Plus',
        rank: 1,
        monthlyPriceCents: 299,
        limits: {},
      });
      const pro = await db().premiumTiers.upsert({
        id: `pro${suffix}`,
        name: 'Pro',
        rank: 2,
        monthlyPriceCents: 599,
        limits: {},
      });
      const customer = await db().customers.upsert({ discordUserId: snowflake() });
      return { plus, pro, customer, guildId: snowflake(), now: new Date(Date.UTC(2026, 5, 1)) };
    }

    it('GIVEN an active subscription THEN the guild is entitled to its tier until the period ends', async () => {
      const { plus, customer, guildId, now } = await setup();
      const created = await db().subscriptions.create({
        customerId: customer.id,
        guildId,
        tierId: plus.id,
        status: 'active',
        currentPeriodEnd: new Date(now.getTime() + 30 * DAY_MS),
        externalRef: `sub_${guildId}`,
      });
      if (!created.ok) throw new Error(created.error.code);
      expect(await db().subscriptions.entitlement(guildId, now)).toEqual({
        tierId: plus.id,
        subscriptionId: created.value.id,
        until: created.value.currentPeriodEnd,
      });
      expect(
        await db().subscriptions.entitlement(guildId, new Date(now.getTime() + 31 * DAY_MS)),
      ).toBeUndefined();
      expect(await db().subscriptions.findByExternalRef(`sub_${guildId}`)).toEqual(created.value);
    });

    it('GIVEN two live subscriptions THEN the higher-ranked tier wins, and an expired one grants nothing', async () => {
      const { plus, pro, customer, guildId, now } = await setup();
      const end = new Date(now.getTime() + DAY_MS);
      await db().subscriptions.create({
        customerId: customer.id,
        guildId,
        tierId: plus.id,
        status: 'active',
        currentPeriodEnd: end,
      });
      const proSub = await db().subscriptions.create({
        customerId: customer.id,
        guildId,
        tierId: pro.id,
        status: 'trialing',
        currentPeriodEnd: end,
      });
      if (!proSub.ok) throw new Error('setup');
      expect((await db().subscriptions.entitlement(guildId, now))?.tierId).toBe(pro.id);
      const expired = await db().subscriptions.updateStatus(proSub.value.id, { status: 'expired' });
      expect(expired.ok && expired.value.status).toBe('expired');
      expect((await db().subscriptions.entitlement(guildId, now))?.tierId).toBe(plus.id);
      expect(await db().subscriptions.listForGuild(guildId)).toHaveLength(2);
    });

    it('GIVEN an unknown customer or tier THEN creation says which, as a value', async () => {
      const { plus, customer, guildId, now } = await setup();
      const base = { guildId, status: 'active' as const, currentPeriodEnd: now };
      expect(
        await db().subscriptions.create({
          ...base,
          customerId: '00000000-0000-4000-8000-000000000000',
          tierId: plus.id,
        }),
      ).toEqual({ ok: false, error: { code: 'CUSTOMER_NOT_FOUND' } });
      expect(
        await db().subscriptions.create({ ...base, customerId: customer.id, tierId: 'gold-nope' }),
      ).toEqual({
        ok: false,
        error: { code: 'TIER_NOT_FOUND' },
      });
      expect(
        await db().subscriptions.updateStatus('00000000-0000-4000-8000-000000000000', { status: 'active' }),
      ).toEqual({
        ok: false,
        error: { code: 'SUBSCRIPTION_NOT_FOUND' },
      });
    });

    it('GIVEN a failed creation inside a transaction THEN the transaction carries on', async () => {
      const { plus, customer, guildId, now } = await setup();
      const result = await db().transaction(async (tx) => {
        const failed = await tx.subscriptions.create({
          customerId: customer.id,
          guildId,
          tierId: 'missing-tier',
          status: 'active',
          currentPeriodEnd: now,
        });
        const succeeded = await tx.subscriptions.create({
          customerId: customer.id,
          guildId,
          tierId: plus.id,
          status: 'active',
          currentPeriodEnd: now,
        });
        return [failed.ok, succeeded.ok];
      });
      expect(result).toEqual([false, true]);
      expect(await db().subscriptions.listForGuild(guildId)).toHaveLength(1);
    });
  });
});
