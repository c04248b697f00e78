import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf, type Simulator } from '../src/index.js';
import { startTestSimulator } from './support/test-simulator.js';

const SHARDS = 2;

describe('GIVEN the simulator recommends 2 shards and a discord.js client uses shards: "auto"', () => {
  let sim: Simulator;
  let client: Client;
  const guilds: { id: string; textChannelId: string }[] = [];

  beforeAll(async () => {
    // max_concurrency 2: both shards identify at once instead of 5 s apart.
    sim = await startTestSimulator({ limits: { recommendedShards: SHARDS, maxConcurrency: SHARDS } });
    while (new Set(guilds.map((g) => shardOf(g.id, SHARDS))).size < SHARDS) {
      guilds.push(sim.createGuild({ name: `Sharded ${guilds.length}` }));
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    client = new Client({ intents: [GatewayIntentBits.Guilds], shards: 'auto', rest: { api: sim.restBase } });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login('sharded-bot-token');
    await ready;
  });

  afterAll(async () => {
    await client.destroy();
    await sim.stop();
  });

  it('THEN it opens one session per shard and each guild arrives on shard (id >> 22) % 2', () => {
    expect(
      sim
        .state()
        .sessions.map((s) => s.shard)
        .sort(),
    ).toEqual([
      [0, SHARDS],
      [1, SHARDS],
    ]);
    for (const guild of guilds)
      expect(client.guilds.cache.get(guild.id)?.shardId).toBe(shardOf(guild.id, SHARDS));
  });

  it('THEN an interaction in each guild reaches the client through that guild’s shard', async () => {
    await client.application?.commands.set([{ name: 'where', description: 'Which shard' }]);
    const user = sim.createUser({ username: 'roamer' });
    const seen = new Map<string, number>();
    client.on(Events.InteractionCreate, (interaction: Interaction) => {
      if (interaction.guildId !== null && interaction.isChatInputCommand()) {
        seen.set(interaction.guildId, interaction.guild?.shardId ?? -1);
        void interaction.reply(`shard ${interaction.guild?.shardId ?? -1}`);
      }
    });
    for (const guild of guilds) {
      sim.addMember({ guildId: guild.id, userId: user.id });
      const { id } = sim.invokeCommand({
        userId: user.id,
        guildId: guild.id,
        channelId: guild.textChannelId,
        command: 'where',
      });
      const view = await sim.waitForInteractionResponse(id);
      expect(view.response?.content).toBe(`shard ${shardOf(guild.id, SHARDS)}`);
    }
    expect(seen.size).toBe(guilds.length);
  });
});
