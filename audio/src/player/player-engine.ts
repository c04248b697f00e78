import type { GuildSettingsRepository } from '@discord-bot/database';
import type { Logger } from '@discord-bot/logger';
import { userCommandError, type TrackEndReason } from '@discord-bot/messaging';
import type { AudioServiceOptions } from '../audio-service-options.js';
import type { AudioBackend } from '../lavalink/audio-backend.js';
import type { AudioMetrics } from '../metrics.js';
import type { PlayerStore } from '../persistence/player-store.js';
import type { DiscordOutbox } from '../ui/discord-outbox.js';
import type { UiPublisher } from '../ui/ui-publisher.js';
import { VoiceRoster } from '../voice/voice-roster.js';
import { describeFailure } from './failure-reason.js';
import { GuildMutex } from './guild-mutex.js';
import { GuildPlayer } from './guild-player.js';
import { InactivityTimers, type InactivityReason } from './inactivity-timers.js';
import type { QueuedTrack } from './queued-track.js';

/** What the engine works with. */
export interface PlayerEngineDeps {
  readonly backend: AudioBackend;
  readonly ui: UiPublisher;
  readonly outbox: DiscordOutbox;
  readonly store: PlayerStore;
  readonly settings: GuildSettingsRepository;
  readonly metrics: AudioMetrics;
  readonly logger: Logger;
  readonly options: Required<AudioServiceOptions>;
}

/** Why a player went away, as `player.stopped` tells the UI. */
export type LeaveReason = 'left' | 'idle' | 'alone' | 'kicked';

const MAX_VOLUME = 200;

/**
 * The guild players of this service and the rules that move them: start, advance, fail, leave, persist.
 * Every method that changes a player must run inside {@link PlayerEngine.withGuild}.
 */
export class PlayerEngine {
  readonly #players = new Map<string, GuildPlayer>();
  readonly #mutex = new GuildMutex();
  readonly #timers: InactivityTimers;
  readonly #roster = new VoiceRoster();
  readonly #deps: PlayerEngineDeps;

  public constructor(deps: PlayerEngineDeps) {
    this.#deps = deps;
    this.#timers = new InactivityTimers(
      { idle: deps.options.idleTimeoutMs, alone: deps.options.aloneTimeoutMs },
      (guildId, reason) => void this.withGuild(guildId, () => this.#expire(guildId, reason)),
    );
  }

  public get deps(): PlayerEngineDeps {
    return this.#deps;
  }

  /** Runs `task` under the guild's mutex; errors are logged, never thrown past it. */
  public withGuild<T>(guildId: string, task: () => Promise<T>): Promise<T> {
    return this.#mutex.run(guildId, task);
  }

  public get(guildId: string): GuildPlayer | undefined {
    return this.#players.get(guildId);
  }

  public all(): GuildPlayer[] {
    return [...this.#players.values()];
  }

  public get timers(): InactivityTimers {
    return this.#timers;
  }

  /** Who sits in the voice channels of the guilds with a player (for the alone rule). */
  public get roster(): VoiceRoster {
    return this.#roster;
  }

  /**
   * Asks the gateway who sits in the guild's voice channels unless the roster already knows. Every player
   * that comes in asks (new, restored, resumed, taken over): this service may not have heard the members
   * sit down.
   */
  public learnRoster(guildId: string): void {
    if (!this.#roster.knows(guildId)) this.#deps.outbox.requestVoiceRoster(guildId);
  }

  /**
   * The guild's player, created and connected to `voiceChannelId` when needed (a move to another channel is
   * saved like any change). A new player has nothing to play yet: its idle timer runs until something does.
   */
  public async ensurePlayer(
    guildId: string,
    voiceChannelId: string,
    textChannelId: string | null,
  ): Promise<GuildPlayer> {
    const existing = this.#players.get(guildId);
    if (existing !== undefined) {
      const moved = existing.voiceChannelId !== voiceChannelId;
      const retold = textChannelId !== null && existing.textChannelId !== textChannelId;
      if (retold) existing.textChannelId = textChannelId;
      if (moved) {
        existing.voiceChannelId = voiceChannelId;
        existing.voiceReady = false;
        await this.#deps.backend.connect(guildId, voiceChannelId);
      }
      // A paused or idle player writes nothing else: without this, a restart would rejoin the old channel.
      if (moved || retold) this.persist(existing);
      return existing;
    }
    const settings = await this.#deps.settings.get(guildId);
    const player = new GuildPlayer(guildId, {
      voiceChannelId,
      textChannelId,
      volume: Math.min(MAX_VOLUME, Math.max(0, settings.defaultVolume)),
    });
    this.adopt(player);
    await this.#deps.backend.connect(guildId, voiceChannelId);
    // Cancelled by startCurrent when a play follows; a plain join that plays nothing leaves when it fires.
    this.#timers.start(guildId, 'idle');
    this.persist(player);
    return player;
  }

  /** Takes a player into the engine (a new one, or one restored from the database). */
  public adopt(player: GuildPlayer): void {
    this.#players.set(player.guildId, player);
    this.#deps.metrics.activePlayers.set(this.#players.size);
    this.learnRoster(player.guildId);
  }

  /** Where the current track is now (held while it waits for its voice connection or for a node). */
  public position(player: GuildPlayer): number {
    if (player.current === null) return 0;
    // lavalink-client's estimate keeps running while no node plays the track.
    if (player.pendingStart || player.waitingForNode) return player.positionHintMs;
    return this.#deps.backend.position(player.guildId) ?? player.positionHintMs;
  }

  /**
   * Records the player's state to be written through to the database (coalesced per guild); see
   * {@link durable} for when it is written. Its state is captured now, under the guild's mutex.
   */
  public persist(player: GuildPlayer): void {
    if (this.#players.get(player.guildId) !== player) return;
    this.#deps.store.save(player.snapshot(this.position(player)));
  }

  /**
   * Resolves once every state of the guild recorded so far is in the database. Awaited outside the guild's
   * mutex, so the next command runs while this one's write goes on (and may share it).
   */
  public durable(guildId: string): Promise<void> {
    return this.#deps.store.settled(guildId);
  }

  /**
   * A track stops playing, for `reason`: the UI is told and the end counted, once per end. Every end goes
   * through here (a natural end, a skip, a replacement, a failure, a stop, a leave).
   */
  public endTrack(player: GuildPlayer, item: QueuedTrack, reason: TrackEndReason): void {
    this.#deps.ui.trackEnd(player.guildId, item, reason);
    this.#deps.metrics.tracksEnded.inc({ reason });
  }

  /** Sends the current track to the node at `positionMs`, once the voice connection is ready. */
  public async startCurrent(player: GuildPlayer, positionMs = 0): Promise<void> {
    const item = player.current;
    if (item === null) return;
    player.positionHintMs = positionMs;
    this.#timers.cancel(player.guildId, 'idle');
    if (!player.voiceReady) {
      player.pendingStart = true;
      this.#armVoiceTimeout(player);
      return;
    }
    player.pendingStart = false;
    try {
      await this.#deps.backend.play(player.guildId, {
        track: item.track,
        positionMs,
        paused: player.paused,
        volume: player.volume,
        filters: player.filters,
      });
      if (player.restoreStartedAt !== undefined) {
        this.#deps.metrics.restoreDuration.observe((performance.now() - player.restoreStartedAt) / 1_000);
        player.restoreStartedAt = undefined;
      }
    } catch (error) {
      this.#deps.logger.warn({ err: error, guildId: player.guildId }, 'the node refused a track');
      await this.trackFailed(player, error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * Moves to what plays next: the same track (loop track, when it finished), else the queue head; the
   * ended track goes to the history and, with loop queue, to the end of the queue. `skippedOver` are the
   * tracks a skip to a position dropped from the head of the queue: with loop queue they follow the ended
   * track to the end, in their order (the order they would have played in), otherwise they are gone.
   */
  public async advance(
    player: GuildPlayer,
    reason: TrackEndReason,
    skippedOver: readonly QueuedTrack[] = [],
  ): Promise<void> {
    const ended = player.current;
    if (ended !== null) this.endTrack(player, ended, reason);
    let next: QueuedTrack | undefined;
    if (ended !== null && player.loop === 'track' && reason === 'finished') {
      next = ended;
    } else {
      if (ended !== null) {
        player.remember(ended);
        if (player.loop === 'queue') player.queue.push(ended);
      }
      if (player.loop === 'queue') player.queue.push(...skippedOver);
      next = player.queue.shift();
    }
    player.current = next ?? null;
    player.positionHintMs = 0;
    if (next !== undefined) {
      if (ended !== next) this.#deps.ui.queueChanged(player, 'advanced');
      await this.startCurrent(player, 0);
    } else {
      player.pendingStart = false;
      if (reason !== 'finished' && reason !== 'failed') await this.#deps.backend.stopTrack(player.guildId);
      this.#timers.start(player.guildId, 'idle');
    }
    this.persist(player);
  }

  /** A track could not be loaded or played: skip it with a message, or stop after too many in a row. */
  public async trackFailed(player: GuildPlayer, message: string): Promise<void> {
    const failed = player.current;
    if (failed === null) return;
    const reason = describeFailure(message);
    player.failures += 1;
    const { ui, outbox, options } = this.#deps;
    ui.error(player.guildId, userCommandError('LOAD_FAILED', { reason }), failed);
    const title = failed.track.info.title || failed.track.info.uri || 'a track';
    if (player.failures >= options.maxConsecutiveFailures) {
      outbox.notice(
        player.guildId,
        player.textChannelId,
        'PLAYER_STOPPED_FAILURES',
        `Stopped playing: ${player.failures} tracks in a row failed (last: "${title}", ${reason}).`,
      );
      this.endTrack(player, failed, 'failed');
      player.remember(failed);
      player.current = null;
      player.failures = 0;
      await this.#deps.backend.stopTrack(player.guildId);
      ui.stopped(player.guildId, 'failures');
      this.#timers.start(player.guildId, 'idle');
      this.persist(player);
      return;
    }
    outbox.notice(player.guildId, player.textChannelId, 'TRACK_SKIPPED', `Skipped "${title}": ${reason}.`);
    await this.advance(player, 'failed');
  }

  /** Leaves voice and forgets the player and its saved state. */
  public async leave(player: GuildPlayer, reason: LeaveReason): Promise<void> {
    this.#players.delete(player.guildId);
    this.#deps.metrics.activePlayers.set(this.#players.size);
    this.#timers.clear(player.guildId);
    this.#roster.forget(player.guildId);
    if (player.current !== null) this.endTrack(player, player.current, 'stopped');
    try {
      await this.#deps.backend.disconnect(player.guildId);
    } catch (error) {
      this.#deps.logger.warn({ err: error, guildId: player.guildId }, 'could not destroy the node player');
    }
    await this.#deps.store.delete(player.guildId);
    this.#deps.ui.stopped(player.guildId, reason);
  }

  /**
   * Puts a player back on an audio node from its own state: leave and rejoin voice (so Discord hands out a
   * fresh voice server for the new node session), then play the current track at its position once voice is
   * ready. Used at start-up, on takeover, and when a node comes back after all were lost.
   */
  public async rejoin(player: GuildPlayer): Promise<void> {
    const { guildId, voiceChannelId } = player;
    if (voiceChannelId === null) return;
    player.voiceReady = false;
    player.rejoining = true;
    this.#deps.outbox.gatewaySend(guildId, 4, {
      guild_id: guildId,
      channel_id: null,
      self_mute: false,
      self_deaf: true,
    });
    await this.#deps.backend.connect(guildId, voiceChannelId, true);
    if (player.current !== null) await this.startCurrent(player, player.positionHintMs);
    else this.#timers.start(guildId, 'idle');
  }

  /** Stops driving a guild another replica took over: no voice change, no state written. */
  public async forget(guildId: string): Promise<void> {
    if (!this.#players.delete(guildId)) return;
    this.#deps.metrics.activePlayers.set(this.#players.size);
    this.#timers.clear(guildId);
    this.#roster.forget(guildId);
    await this.#deps.backend.release(guildId).catch(() => undefined);
  }

  /** Stops timers and writes every player's position (shutdown). */
  public async saveAll(): Promise<void> {
    this.#timers.clearAll();
    for (const player of this.#players.values()) this.persist(player);
    await this.#deps.store.flush();
  }

  #armVoiceTimeout(player: GuildPlayer): void {
    setTimeout(() => {
      void this.withGuild(player.guildId, async () => {
        if (!player.pendingStart || this.#players.get(player.guildId) !== player) return;
        this.#deps.logger.warn({ guildId: player.guildId }, 'no voice connection in time; playing anyway');
        player.voiceReady = true;
        await this.startCurrent(player, player.positionHintMs);
      });
    }, this.#deps.options.voiceReadyTimeoutMs).unref();
  }

  async #expire(guildId: string, reason: InactivityReason): Promise<void> {
    const player = this.#players.get(guildId);
    if (player === undefined) return;
    if (reason === 'idle' && player.current !== null) return;
    const settings = await this.#deps.settings.get(guildId);
    if (settings.alwaysOn) return;
    this.#deps.outbox.notice(
      guildId,
      player.textChannelId,
      reason === 'idle' ? 'LEFT_IDLE' : 'LEFT_ALONE',
      reason === 'idle'
        ? 'Left the voice channel: nothing to play.'
        : 'Left the voice channel: no one was listening.',
    );
    await this.leave(player, reason);
  }
}
