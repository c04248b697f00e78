import { expect, it } from 'vitest';
import { describeEachBackend } from './support/backends.js';
import { snowflake } from './support/fixtures.js';

describeEachBackend('customer repository', (db) => {
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
