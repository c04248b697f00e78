import type { Logger } from '@discord-bot/logger';
import {
  createEnvelope,
  UI_NOW_CHANNEL,
  type CommandError,
  type EventBus,
  type LoopMode,
  type TrackEndReason,
  type UiNowEvent,
} from '@discord-bot/messaging';
import type { GuildPlayer } from '../player/guild-player.js';
import { toMessageTrack, totalDurationMs, type QueuedTrack } from '../player/queued-track.js';

type QueueReason = Extract<UiNowEvent, { type: 'queue.changed' }>['payload']['reason'];
type StopReason = Extract<UiNowEvent, { type: 'player.stopped' }>['payload']['reason'];

/** Publishes `ui:now` events; best effort: a failed publish is logged, never thrown at the player. */
export class UiPublisher {
  public constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  public trackStart(player: GuildPlayer, item: QueuedTrack): void {
    this.#send('track.start', player.guildId, {
      track: toMessageTrack(item),
      queueLength: player.queue.length,
      textChannelId: player.textChannelId,
    });
  }

  public trackEnd(guildId: string, item: QueuedTrack, reason: TrackEndReason): void {
    this.#send('track.end', guildId, { track: toMessageTrack(item), reason });
  }

  public progress(guildId: string, positionMs: number, durationMs: number, paused: boolean): void {
    this.#send('player.progress', guildId, { positionMs, durationMs, paused });
  }

  public queueChanged(player: GuildPlayer, reason: QueueReason): void {
    this.#send('queue.changed', player.guildId, {
      reason,
      length: player.queue.length,
      totalDurationMs: totalDurationMs(player.queue),
    });
  }

  public paused(guildId: string, paused: boolean, positionMs: number): void {
    this.#send('player.paused', guildId, { paused, positionMs });
  }

  public volume(guildId: string, volume: number): void {
    this.#send('player.volume', guildId, { volume });
  }

  public loop(guildId: string, mode: LoopMode): void {
    this.#send('player.loop', guildId, { mode });
  }

  public stopped(guildId: string, reason: StopReason): void {
    this.#send('player.stopped', guildId, { reason });
  }

  public error(guildId: string, error: CommandError, item: QueuedTrack | null): void {
    this.#send('player.error', guildId, { error, track: item === null ? null : toMessageTrack(item) });
  }

  #send<T extends UiNowEvent['type']>(
    type: T,
    guildId: string,
    payload: Extract<UiNowEvent, { type: T }>['payload'],
  ): void {
    const event = createEnvelope(type, payload, { guildId }) as unknown as UiNowEvent;
    this.bus.publish(UI_NOW_CHANNEL, event).catch((error: unknown) => {
      this.logger.warn({ err: error, type, guildId }, 'could not publish a ui:now event');
    });
  }
}
