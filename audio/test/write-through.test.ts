/**
 * Write-through at the command boundary: a change is answered only once its state is in the database (a
 * SIGKILL right after the answer keeps it), while concurrent changes still share writes and the guild's
 * mutex is not held across them. The database is made slow on purpose so that an answer sent before its
 * write would be caught.
 */
import type { PlayerState } from '@discord-bot/database';
import { createTestDatabase, type TestDatabase } from '@discord-bot/database/testing';
import { createSilentLogger } from '@discord-bot/logger';
import {
  InProcessFanOutHub,
  createInProcessEventBus,
  type CommandEnvelope,
  type CommandPayload,
  type CommandType,
} from '@discord-bot/messaging';
import { createMetricsRegistry } from '@discord-bot/observability';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DefaultAudioServiceOptions } from '../src/audio-service-options.js';
import { createCommandHandlers } from '../src/commands/create-command-handlers.js';
import type { AudioBackend } from '../src/lavalink/audio-backend.js';
import { createAudioMetrics } from '../src/metrics.js';
import { PlayerStore } from '../src/persistence/player-store.js';
import { GuildPlayer } from '../src/player/guild-player.js';
import { PlayerEngine } from '../src/player/player-engine.js';
import { DiscordOutbox } from '../src/ui/discord-outbox.js';
import { UiPublisher } from '../src/ui/ui-publisher.js';

const GUILD = '300000000000000001';
const VOICE_CHANNEL = '300000000000000002';
/** How long each database write takes here: far longer than answering a command does. */
const SLOW_WRITE_MS = 150;
const logger = createSilentLogger();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function envelope<T extends CommandType>(type: T, payload: CommandPayload<T>): CommandEnvelope<T> {
  const id = crypto.randomUUID();
  return {
    id,
    type,
    guildId: GUILD,
    correlationId: id,
    sentAt: Date.now(),
    deadlineAt: Date.now() + 5_000,
    payload,
  };
}

describe('write-through before answering', () => {
  let testDb: TestDatabase;
  let engine: PlayerEngine;
  const writes: PlayerState[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase({ logger });
    const repository = testDb.db.playerStates;
    const save = repository.save.bind(repository);
    repository.save = async (state) => {
      await sleep(SLOW_WRITE_MS);
      const saved = await save(state);
      writes.push(state);
      return saved;
    };
    const registry = createMetricsRegistry({ service: 'write-through-test', defaultMetrics: false });
    const events = createInProcessEventBus({ hub: new InProcessFanOutHub(), logger, registry });
    // The commands used here never reach a node: the player has no current track and no node player.
    const backend = { hasPlayer: () => false, position: () => undefined } as unknown as AudioBackend;
    engine = new PlayerEngine({
      backend,
      ui: new UiPublisher(events, logger),
      outbox: new DiscordOutbox(events, logger),
      store: new PlayerStore(repository, logger),
      settings: testDb.db.guildSettings,
      metrics: createAudioMetrics(registry),
      logger,
      options: DefaultAudioServiceOptions,
    });
  });
  afterAll(async () => {
    await testDb?.dispose();
  });
  beforeEach(async () => {
    await engine.deps.store.flush();
    writes.length = 0;
    const player = new GuildPlayer(GUILD, {
      voiceChannelId: VOICE_CHANNEL,
      textChannelId: null,
      volume: 100,
    });
    await engine.withGuild(GUILD, () => Promise.resolve(engine.adopt(player)));
  });

  it('GIVEN a change THEN the database holds it when the answer arrives', async () => {
    const handlers = createCommandHandlers(engine);

    const outcome = await handlers.loop(envelope('loop', { mode: 'queue' }), { redelivered: false });

    expect(outcome.ok).toBe(true);
    expect((await testDb.db.playerStates.find(GUILD))?.loopMode).toBe('queue');
  });

  it('GIVEN changes sent at once THEN each answer finds its change written, sharing writes, the mutex free meanwhile', async () => {
    const handlers = createCommandHandlers(engine);
    const volumes = [10, 20, 30, 40];

    const seen = await Promise.all(
      volumes.map(async (volume) => {
        await handlers.volume(envelope('volume', { volume }), { redelivered: false });
        return (await testDb.db.playerStates.find(GUILD))?.volume;
      }),
    );

    // Each found its own volume or a later one (commands run in order, the later states include it).
    seen.forEach((volume, i) => expect(volume).toBeGreaterThanOrEqual(volumes[i] ?? 0));
    expect(seen.at(-1)).toBe(40);
    // The first write, then one for the three that ran while it was going on (they did not wait for it).
    expect(writes.map((state) => state.volume)).toEqual([10, 40]);
  });
});
