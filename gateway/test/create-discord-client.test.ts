import type { DiscordConfig } from '@discord-bot/config';
import { GatewayIntentBits, IntentsBitField, type LimitedCollection } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordClient } from '../src/infrastructure/discord/create-discord-client.js';

const base: DiscordConfig = {
  token: 'unused',
  apiBase: 'http://127.0.0.1:8787/api',
  applicationId: undefined,
  shardCount: 'auto',
  shardIds: undefined,
  devGuildId: undefined,
};

describe('createDiscordClient', () => {
  const clients: { destroy(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.destroy()));
  });

  function make(config: Partial<DiscordConfig> = {}) {
    const client = createDiscordClient({ ...base, ...config });
    clients.push(client);
    return client;
  }

  it('THEN it asks only for the guild and voice-state intents, and talks to the configured REST base', () => {
    const client = make();
    expect(new IntentsBitField(client.options.intents).bitfield).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildVoiceStates,
    );
    expect(client.options.rest?.api).toBe('http://127.0.0.1:8787/api');
  });

  it('GIVEN SHARD_COUNT=auto THEN Discord decides the shards', () => {
    expect(make().options.shards).toBe('auto');
  });

  it('GIVEN a shard count and ids THEN the process runs exactly those shards', () => {
    const client = make({ shardCount: 4, shardIds: [1, 3] });
    expect(client.options.shards).toEqual([1, 3]);
    expect(client.options.shardCount).toBe(4);
  });

  it('GIVEN a shard count alone THEN the process runs every shard', () => {
    expect(make({ shardCount: 3 }).options.shards).toEqual([0, 1, 2]);
  });

  it('THEN guilds and channels are not cached at all (the voice-state store stands in for them)', () => {
    const client = make();
    expect((client.guilds.cache as LimitedCollection<string, unknown>).maxSize).toBe(0);
    expect((client.channels.cache as LimitedCollection<string, unknown>).maxSize).toBe(0);
  });

  it('THEN users are not cached, except the bot itself', () => {
    const client = make();
    const users = client.users.cache as LimitedCollection<string, unknown>;
    expect(users.maxSize).toBe(0);
    expect(users.keepOverLimit?.({ id: '1', client: { user: { id: '1' } } }, '1', users)).toBe(true);
    expect(users.keepOverLimit?.({ id: '2', client: { user: { id: '1' } } }, '2', users)).toBe(false);
  });
});
