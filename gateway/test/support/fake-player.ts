import { err, ok } from '@discord-bot/errors';
import { createSilentLogger } from '@discord-bot/logger';
import {
  InProcessCommandBroker,
  createInProcessCommandBus,
  userCommandError,
  type AnyCommand,
  type AnyCommandOutcome,
  type CommandBus,
  type SearchResult,
  type Track,
} from '@discord-bot/messaging';
import { createMetricsRegistry } from '@discord-bot/observability';

/** A track as the audio service would describe it. */
export function track(title: string, overrides: Partial<Track> = {}): Track {
  return {
    encoded: `enc-${title}`,
    title,
    author: 'Tone Generator',
    durationMs: 180_000,
    isStream: false,
    uri: `http://127.0.0.1/${title}.wav`,
    artworkUrl: null,
    sourceName: 'http',
    requester: { userId: '100', displayName: 'alice' },
    ...overrides,
  };
}

/** A search result as the audio service would give it; `playQuery` is the URI unless given. */
export function searchResult(title: string, uri: string | null, playQuery = uri ?? title): SearchResult {
  return {
    title,
    author: 'Tone Generator',
    durationMs: 65_000,
    isStream: false,
    sourceName: 'http',
    uri,
    playQuery,
  };
}

/** The gateway's bus and a small fake audio service answering on the other end (in-process broker). */
export interface FakePlayer {
  readonly sender: CommandBus;
  /** Commands the fake audio service received, in order. */
  readonly received: AnyCommand[];
  close(): Promise<void>;
}

/** Answers each command with a plausible result; `silent: true` never consumes (every request times out). */
export async function fakePlayer(options: { silent?: boolean } = {}): Promise<FakePlayer> {
  const broker = new InProcessCommandBroker();
  const logger = createSilentLogger();
  const sender = createInProcessCommandBus({
    broker,
    logger,
    registry: createMetricsRegistry({ service: 'test', defaultMetrics: false }),
  });
  const consumer = createInProcessCommandBus({
    broker,
    logger,
    registry: createMetricsRegistry({ service: 'test', defaultMetrics: false }),
    blockMs: 20,
  });
  const received: AnyCommand[] = [];
  if (options.silent !== true) {
    await consumer.consume((command) => {
      received.push(command);
      return Promise.resolve(answer(command));
    });
  }
  return {
    sender,
    received,
    async close() {
      await sender.close();
      await consumer.close();
    },
  };
}

function answer(command: AnyCommand): AnyCommandOutcome {
  switch (command.type) {
    case 'play':
      return ok({ firstTrack: track(command.payload.query), addedCount: 1, position: 0, startsInMs: 0 });
    case 'pause':
      return ok({ positionMs: 83_000, wasPaused: false });
    case 'resume':
      return ok({ positionMs: 83_000, wasPaused: true });
    case 'volume':
      return ok({ volume: command.payload.volume, previous: 100 });
    case 'seek':
      return ok({ positionMs: command.payload.positionMs, durationMs: 180_000 });
    case 'skip':
      return ok({ skipped: track('first'), next: track('second') });
    case 'move':
      return command.payload.to > 3
        ? err(userCommandError('POSITION_OUT_OF_RANGE', { position: command.payload.to, max: 3 }))
        : ok({ track: track('moved'), from: command.payload.from, to: command.payload.to });
    case 'loop':
      return ok({ mode: command.payload.mode, previous: 'off' as const });
    case 'queuePage':
      return ok({
        page: command.payload.page,
        pageCount: 3,
        total: 25,
        totalDurationMs: 25 * 180_000,
        current: track('current'),
        tracks: [{ position: 1, track: track('next-up') }],
      });
    case 'search':
      // `broken` fails like a node error; anything else finds a URL track, a long-titled local file and a
      // track whose URL is too long to be an autocomplete value.
      return command.payload.query === 'broken'
        ? err(userCommandError('LOAD_FAILED', { reason: 'node down' }))
        : ok({
            results: [
              searchResult(`${command.payload.query} song`, `http://127.0.0.1/${command.payload.query}.wav`),
              searchResult('L'.repeat(150), null, `local:${'L'.repeat(20)}`),
              searchResult('far away', `http://127.0.0.1/${'x'.repeat(120)}.wav`),
            ].slice(0, command.payload.limit),
          });
    case 'nowPlaying':
      return ok({
        track: null,
        positionMs: 0,
        paused: false,
        volume: 100,
        loop: 'off' as const,
        queueLength: 0,
      });
    case 'clear':
    case 'join':
    case 'leave':
    case 'previous':
    case 'remove':
    case 'replay':
    case 'shuffle':
    case 'stop':
      return err(userCommandError('NOTHING_PLAYING'));
  }
}
