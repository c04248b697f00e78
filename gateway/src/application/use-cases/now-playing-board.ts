import type { Logger } from '@discord-bot/logger';
import type { LoopMode, UiNowEvent } from '@discord-bot/messaging';
import type { EditCoalescer } from '../../domain/services/edit-coalescer.js';
import type { NowPlayingState } from '../../domain/value-objects/now-playing-state.js';
import { renderNowPlaying } from '../../presentation/ui/render-now-playing.js';
import type { MessageSink } from './message-sink.js';

/** Player settings not carried by `track.start`, read from the player when a message is created. */
export interface PlayerSnapshot {
  readonly volume: number;
  readonly loop: LoopMode;
  readonly paused: boolean;
}

interface Entry {
  state: NowPlayingState;
  channelId: string;
  messageId: string | undefined;
}

/** Options of {@link NowPlayingBoard}. */
export interface NowPlayingBoardOptions {
  readonly sink: MessageSink;
  readonly coalescer: EditCoalescer;
  readonly logger: Logger;
  /** True for guilds whose shard this process runs (another gateway process handles the rest). */
  readonly ownsGuild: (guildId: string) => boolean;
  /** Reads volume, loop and pause of a player that just started a track; undefined keeps the defaults. */
  readonly snapshot?: (guildId: string) => Promise<PlayerSnapshot | undefined>;
  readonly now?: () => number;
}

const DEFAULT_VOLUME = 100;

/**
 * Keeps one live now-playing message per guild from `ui:now` events: posted when a track starts, edited as
 * the player changes (coalesced to one edit per interval per message), controls disabled when it stops.
 */
export class NowPlayingBoard {
  readonly #options: NowPlayingBoardOptions;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();

  public constructor(options: NowPlayingBoardOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** The message id shown for a guild, once posted. */
  public messageOf(guildId: string): { channelId: string; messageId: string | undefined } | undefined {
    const entry = this.#entries.get(guildId);
    return entry === undefined ? undefined : { channelId: entry.channelId, messageId: entry.messageId };
  }

  /** Applies one `ui:now` event. */
  public handle(event: UiNowEvent): void {
    if (!this.#options.ownsGuild(event.guildId)) return;
    if (event.type === 'track.start') {
      this.#start(event.guildId, event.payload);
      return;
    }
    const entry = this.#entries.get(event.guildId);
    if (entry === undefined) return;
    const now = this.#now();
    const { state } = entry;
    switch (event.type) {
      case 'player.progress':
        entry.state = {
          ...state,
          positionMs: event.payload.positionMs,
          observedAt: now,
          paused: event.payload.paused,
        };
        break;
      case 'player.paused':
        entry.state = {
          ...state,
          paused: event.payload.paused,
          positionMs: event.payload.positionMs,
          observedAt: now,
        };
        break;
      case 'player.volume':
        entry.state = { ...state, volume: event.payload.volume };
        break;
      case 'player.loop':
        entry.state = { ...state, loop: event.payload.mode };
        break;
      case 'queue.changed':
        entry.state = { ...state, queueLength: event.payload.length };
        break;
      case 'player.stopped':
        entry.state = { ...state, stopped: true, paused: false };
        break;
      case 'track.end':
      case 'player.error':
        // The next track.start or player.stopped says what the message should show.
        return;
    }
    this.#render(event.guildId, entry);
  }

  /** Stops pending edits. */
  public close(): void {
    this.#options.coalescer.close();
    this.#entries.clear();
  }

  #start(guildId: string, payload: Extract<UiNowEvent, { type: 'track.start' }>['payload']): void {
    const previous = this.#entries.get(guildId);
    const channelId = payload.textChannelId ?? previous?.channelId;
    if (channelId === undefined) return;
    const keep = previous !== undefined && previous.channelId === channelId && !previous.state.stopped;
    const entry: Entry = {
      channelId,
      messageId: keep ? previous.messageId : undefined,
      state: {
        track: payload.track,
        positionMs: 0,
        observedAt: this.#now(),
        paused: false,
        volume: keep ? previous.state.volume : DEFAULT_VOLUME,
        loop: keep ? previous.state.loop : 'off',
        queueLength: payload.queueLength,
        stopped: false,
      },
    };
    if (!keep) this.#options.coalescer.forget(guildId);
    this.#entries.set(guildId, entry);
    if (!keep && this.#options.snapshot !== undefined) {
      void this.#options.snapshot(guildId).then(
        (snapshot) => {
          if (snapshot === undefined || this.#entries.get(guildId) !== entry) return;
          entry.state = { ...entry.state, ...snapshot };
          this.#render(guildId, entry);
        },
        (error: unknown) => this.#options.logger.debug({ err: error, guildId }, 'no player snapshot'),
      );
    }
    this.#render(guildId, entry);
  }

  #render(guildId: string, entry: Entry): void {
    this.#options.coalescer.schedule(guildId, async () => {
      if (this.#entries.get(guildId) !== entry) return;
      const body = renderNowPlaying(entry.state, this.#now());
      if (entry.messageId === undefined) {
        entry.messageId = await this.#options.sink.send(entry.channelId, body);
      } else {
        await this.#options.sink.edit(entry.channelId, entry.messageId, body);
      }
      // Once the disabled controls are shown, nothing more will change for this message.
      if (entry.state.stopped && this.#entries.get(guildId) === entry) {
        this.#entries.delete(guildId);
        this.#options.coalescer.forget(guildId);
      }
    });
  }
}
