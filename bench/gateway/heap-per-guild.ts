import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startSimulator } from '@discord-bot/discord-sim';
import { VoiceStateStore, createDiscordClient, feedVoiceStates } from '@discord-bot/gateway';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { ratio, sleep } from './stats.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function settledHeap(): Promise<number> {
  for (let i = 0; i < 4; i += 1) {
    gc();
    await sleep(50);
  }
  return process.memoryUsage().heapUsed;
}

/**
 * The simulator keeps a session's last dispatches for RESUME (Discord's default 1,000), which after login are
 * every guild's GUILD_CREATE as JSON text. Discord keeps those on its side, but this simulator runs in the
 * measured process, so with the default they would count as client heap, the same ~5 KB per guild on both
 * sides. One is enough: nothing here resumes.
 */
const SIM_REPLAY_BUFFER = 1;

/** A logged-in client and the guilds it knows of (`guildCount` checks the login saw them all). */
interface Measured {
  readonly client: Client;
  readonly guildCount: () => number;
}

/**
 * Heap held by a logged-in client per 1,000 guilds: our gateway client (no guild caches, its own voice-state
 * store) vs discord.js with its default caches, both with the same intents, on the same simulated guilds
 * (members, channels, roles, voice states), measured one after the other in this process.
 */
export async function heapPerGuild(guildCount: number, membersPerGuild: number): Promise<string> {
  const sim = await startSimulator({
    limits: { identifyWindowMs: 100, sessionReplayBuffer: SIM_REPLAY_BUFFER },
  });
  try {
    for (let g = 0; g < guildCount; g += 1) {
      const owner = sim.createUser({ username: `owner${g}` }).id;
      const guild = sim.createGuild({ name: `Guild ${g}`, ownerId: owner });
      for (let m = 0; m < membersPerGuild; m += 1) {
        const user = sim.createUser({ username: `u${g}-${m}`, guildId: guild.id }).id;
        if (m < 3) sim.setVoiceState({ userId: user, guildId: guild.id, channelId: guild.voiceChannelId });
      }
    }
    const measure = async (make: () => Measured, token: string): Promise<number> => {
      const before = await settledHeap();
      const { client, guildCount: seen } = make();
      const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
      await client.login(token);
      await ready;
      await sleep(500);
      const after = await settledHeap();
      if (seen() !== guildCount) throw new Error(`saw ${seen()} guilds`);
      await client.destroy();
      await settledHeap();
      return ((after - before) * 1_000) / guildCount;
    };
    const baseline = await measure(() => {
      const client = new Client({
        intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildVoiceStates],
        rest: { api: sim.restBase },
      });
      return { client, guildCount: () => client.guilds.cache.size };
    }, 'heap-baseline');
    const ours = await measure(() => {
      const client = createDiscordClient({
        token: 'heap-ours',
        apiBase: sim.restBase,
        applicationId: undefined,
        shardCount: 1,
        shardIds: undefined,
        devGuildId: undefined,
      });
      // What the gateway keeps instead of discord.js's guild caches, so it is measured with the client.
      const voiceStates = new VoiceStateStore();
      feedVoiceStates(client, voiceStates);
      return { client, guildCount: () => voiceStates.guildCount };
    }, 'heap-ours');
    const mb = (bytes: number) => (bytes / 1_048_576).toFixed(2);
    return [
      `heap per 1,000 guilds (${guildCount} guilds x ${membersPerGuild} members, 3 in voice each):`,
      `  discord.js default caches: ${mb(baseline)} MB   ours: ${mb(ours)} MB   ratio ${ratio(ours, baseline)} (target <= 0.25)`,
    ].join('\n');
  } finally {
    await sim.stop();
  }
}
