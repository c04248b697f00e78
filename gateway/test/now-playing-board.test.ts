import { createSilentLogger } from '@discord-bot/logger';
import { createEnvelope, type UiNowEvent } from '@discord-bot/messaging';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MessageSink } from '../src/application/use-cases/message-sink.js';
import { NowPlayingBoard } from '../src/application/use-cases/now-playing-board.js';
import { EditCoalescer } from '../src/domain/services/edit-coalescer.js';
import type { NowPlayingMessage } from '../src/presentation/ui/render-now-playing.js';
import { track } from './support/fake-player.js';

const GUILD = '200';
const CHANNEL = '300';

interface Call {
  kind: 'send' | 'edit';
  at: number;
  body: NowPlayingMessage;
}

function recorder(): MessageSink & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    send(_channelId, body) {
      calls.push({ kind: 'send', at: Date.now(), body });
      return Promise.resolve('900');
    },
    edit(_channelId, _messageId, body) {
      calls.push({ kind: 'edit', at: Date.now(), body });
      return Promise.resolve();
    },
  };
}

function event<T extends UiNowEvent['type']>(type: T, payload: Extract<UiNowEvent, { type: T }>['payload']) {
  return createEnvelope(type, payload, { guildId: GUILD }) as unknown as UiNowEvent;
}

function board(sink: MessageSink, owns = true) {
  return new NowPlayingBoard({
    sink,
    logger: createSilentLogger(),
    coalescer: new EditCoalescer({ intervalMs: 5_000 }),
    ownsGuild: () => owns,
  });
}

const text = (call: Call | undefined) => JSON.stringify(call?.body);

afterEach(() => vi.useRealTimers());

describe('NowPlayingBoard', () => {
  it('GIVEN a track starts THEN one message shows title, artist, requester, progress, volume, loop and queue', async () => {
    vi.useFakeTimers();
    const sink = recorder();
    const np = board(sink);
    np.handle(event('track.start', { track: track('A440'), queueLength: 2, textChannelId: CHANNEL }));
    await vi.advanceTimersByTimeAsync(0);
    expect(sink.calls).toHaveLength(1);
    expect(sink.calls[0]?.kind).toBe('send');
    const [embed] = sink.calls[0]?.body.embeds ?? [];
    expect(embed?.title).toBe('A440');
    expect(embed?.description).toContain('by **Tone Generator**');
    expect(embed?.description).toMatch(/0:00 🔘▬+ 3:00/);
    expect(JSON.stringify(embed?.fields)).toContain('<@100>');
    expect(JSON.stringify(embed?.fields)).toContain('100%');
    expect(JSON.stringify(embed?.fields)).toContain('2 in queue');
    expect(text(sink.calls[0])).toContain('"custom_id":"np:pause"');
    np.close();
  });

  it('GIVEN many player events within seconds THEN the message is edited at most once per 5 s, with the latest state', async () => {
    vi.useFakeTimers();
    const sink = recorder();
    const np = board(sink);
    np.handle(event('track.start', { track: track('A440'), queueLength: 0, textChannelId: CHANNEL }));
    for (let i = 1; i <= 20; i += 1) {
      np.handle(event('player.progress', { positionMs: i * 500, durationMs: 180_000, paused: false }));
      np.handle(event('player.volume', { volume: 100 - i }));
      await vi.advanceTimersByTimeAsync(500);
    }
    await vi.advanceTimersByTimeAsync(5_000);
    const times = sink.calls.map((c) => c.at);
    for (let i = 1; i < times.length; i += 1)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(5_000);
    expect(sink.calls.length).toBeLessThanOrEqual(4);
    expect(text(sink.calls.at(-1))).toContain('80%');
    np.close();
  });

  it('GIVEN pause, loop and a stop THEN the buttons follow and are disabled at the end', async () => {
    vi.useFakeTimers();
    const sink = recorder();
    const np = board(sink);
    np.handle(event('track.start', { track: track('A440'), queueLength: 0, textChannelId: CHANNEL }));
    await vi.advanceTimersByTimeAsync(0);
    np.handle(event('player.paused', { paused: true, positionMs: 1_000 }));
    np.handle(event('player.loop', { mode: 'track' }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(text(sink.calls.at(-1))).toContain('"custom_id":"np:resume"');
    expect(text(sink.calls.at(-1))).toContain('"custom_id":"np:loop:queue"');
    np.handle(event('player.stopped', { reason: 'stopped' }));
    await vi.advanceTimersByTimeAsync(5_000);
    const last = sink.calls.at(-1);
    expect(last?.kind).toBe('edit');
    const buttons = last?.body.components.flatMap((row) => row.components) ?? [];
    expect(buttons.length).toBe(6);
    expect(buttons.every((b) => b.disabled === true)).toBe(true);
    const count = sink.calls.length;
    np.handle(event('player.volume', { volume: 10 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sink.calls).toHaveLength(count);
  });

  it('GIVEN a guild another gateway process runs THEN nothing is posted', async () => {
    vi.useFakeTimers();
    const sink = recorder();
    const np = board(sink, false);
    np.handle(event('track.start', { track: track('A440'), queueLength: 0, textChannelId: CHANNEL }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sink.calls).toEqual([]);
  });

  it('GIVEN the next track starts THEN the same message is edited to show it', async () => {
    vi.useFakeTimers();
    const sink = recorder();
    const np = board(sink);
    np.handle(event('track.start', { track: track('A440'), queueLength: 1, textChannelId: CHANNEL }));
    await vi.advanceTimersByTimeAsync(0);
    np.handle(event('track.start', { track: track('A880'), queueLength: 0, textChannelId: CHANNEL }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sink.calls.map((c) => c.kind)).toEqual(['send', 'edit']);
    expect(sink.calls[1]?.body.embeds[0]?.title).toBe('A880');
    np.close();
  });
});
