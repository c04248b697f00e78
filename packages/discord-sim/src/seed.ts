import type { Simulator } from './simulator-handle.js';

/** What {@link seedDevelopmentGuild} created. */
export interface SeededGuild {
  readonly guildId: string;
  readonly textChannelId: string;
  readonly voiceChannelId: string;
  readonly users: { readonly alice: string; readonly bob: string };
}

/** One guild with a text and a voice channel, and two users (`alice`, the owner, and `bob`). */
export function seedDevelopmentGuild(sim: Simulator, name = 'Sim Guild'): SeededGuild {
  const alice = sim.createUser({ username: 'alice' }).id;
  const guild = sim.createGuild({ name, ownerId: alice });
  const bob = sim.createUser({ username: 'bob', guildId: guild.id }).id;
  return {
    guildId: guild.id,
    textChannelId: guild.textChannelId,
    voiceChannelId: guild.voiceChannelId,
    users: { alice, bob },
  };
}
