import { expect, it } from 'vitest';
import { ALL_WEBHOOK_EVENTS, WEBHOOK_MAX_CONSECUTIVE_FAILURES } from '../src/index.js';
import { describeEachBackend } from './support/backends.js';
import { snowflake } from './support/fixtures.js';

describeEachBackend('webhook subscription repository', (db) => {
  async function subscribe(guildId: string | null, events: string[]) {
    const created = await db().webhookSubscriptions.create({
      guildId,
      url: 'https://hooks.example.com/in',
      events,
    });
    if (!created.ok) throw new Error(created.error.code);
    return created.value;
  }

  it('GIVEN a new subscription THEN the secret is returned once and never listed', async () => {
    const guildId = snowflake();
    const { subscription, secret } = await subscribe(guildId, ['track.start', 'track.start', 'queue.end']);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(subscription.events).toEqual(['queue.end', 'track.start']);
    const listed = await db().webhookSubscriptions.list(guildId);
    expect(listed).toEqual([subscription]);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('GIVEN subscriptions for a guild, for everything and for another guild THEN targets pick the matching ones with secrets', async () => {
    const guildId = snowflake();
    const own = await subscribe(guildId, ['track.start']);
    const wildcard = await subscribe(guildId, [ALL_WEBHOOK_EVENTS]);
    await subscribe(guildId, ['queue.end']);
    await subscribe(snowflake(), ['track.start']);
    const targets = await db().webhookSubscriptions.targetsFor('track.start', guildId);
    const mine = targets.filter((target) =>
      [own.subscription.id, wildcard.subscription.id].includes(target.id),
    );
    expect(mine).toHaveLength(2);
    expect(mine.find((target) => target.id === own.subscription.id)?.secret).toBe(own.secret);
    expect(targets.every((target) => target.id !== undefined && target.url.startsWith('https://'))).toBe(
      true,
    );
  });

  it('GIVEN repeated failed deliveries THEN the subscription is switched off at the limit, and a success resets the count', async () => {
    const { subscription } = await subscribe(snowflake(), ['track.start']);
    const at = new Date();
    await db().webhookSubscriptions.recordDelivery(subscription.id, { ok: false, at });
    await db().webhookSubscriptions.recordDelivery(subscription.id, { ok: true, at });
    let last;
    for (let i = 0; i < WEBHOOK_MAX_CONSECUTIVE_FAILURES; i++) {
      last = await db().webhookSubscriptions.recordDelivery(subscription.id, { ok: false, at });
      if (i < WEBHOOK_MAX_CONSECUTIVE_FAILURES - 1) {
        expect(last).toEqual({ ok: true, value: { active: true } });
      }
    }
    expect(last).toEqual({ ok: true, value: { active: false } });
    expect(
      await db().webhookSubscriptions.targetsFor('track.start', subscription.guildId!),
    ).not.toContainEqual(expect.objectContaining({ id: subscription.id }));
    expect(await db().webhookSubscriptions.setActive(subscription.id, true)).toBe(true);
    const [reactivated] = await db().webhookSubscriptions.list(subscription.guildId);
    expect(reactivated).toMatchObject({ active: true, consecutiveFailures: 0 });
  });

  it('GIVEN a rotation THEN deliveries use the new secret', async () => {
    const guildId = snowflake();
    const { subscription, secret } = await subscribe(guildId, ['track.start']);
    const rotated = await db().webhookSubscriptions.rotateSecret(subscription.id);
    if (!rotated.ok) throw new Error('rotate');
    expect(rotated.value.secret).not.toBe(secret);
    const [target] = await db().webhookSubscriptions.targetsFor('track.start', guildId);
    expect(target?.secret).toBe(rotated.value.secret);
  });

  it('GIVEN a bad URL or no events THEN creation is refused', async () => {
    const create = (url: string, events: string[]) =>
      db().webhookSubscriptions.create({ guildId: null, url, events });
    expect(await create('ftp://example.com', ['a'])).toEqual({
      ok: false,
      error: { code: 'WEBHOOK_URL_INVALID' },
    });
    expect(await create('https://user:pw@example.com', ['a'])).toEqual({
      ok: false,
      error: { code: 'WEBHOOK_URL_INVALID' },
    });
    expect(await create('https://example.com', [])).toEqual({
      ok: false,
      error: { code: 'WEBHOOK_EVENTS_EMPTY' },
    });
  });

  it('GIVEN a deleted subscription THEN it is gone', async () => {
    const { subscription } = await subscribe(snowflake(), ['a']);
    expect(await db().webhookSubscriptions.delete(subscription.id)).toBe(true);
    expect(await db().webhookSubscriptions.delete(subscription.id)).toBe(false);
    expect(
      await db().webhookSubscriptions.recordDelivery(subscription.id, { ok: true, at: new Date() }),
    ).toEqual({
      ok: false,
      error: { code: 'WEBHOOK_NOT_FOUND' },
    });
  });
});
