/** Someone sitting in a voice channel of a guild. */
export interface VoiceMember {
  readonly userId: string;
  readonly channelId: string;
  /** True for bots (the bot itself included), so listeners can be told apart. */
  readonly isBot: boolean;
}

/** What the interaction path asks: the voice channel someone sits in. */
export interface VoiceChannelLookup {
  /** The voice channel `userId` is in within `guildId`, or null (not in voice, or an unknown guild). */
  channelOf(guildId: string, userId: string): string | null;
}

interface InVoice {
  readonly channelId: string;
  readonly isBot: boolean;
}

interface GuildEntry {
  readonly shardId: number;
  /** False between READY and the guild's GUILD_CREATE, and during an outage. */
  available: boolean;
  /** user id -> where they sit; absent while nobody is in voice, which is most guilds most of the time. */
  voice: Map<string, InVoice> | undefined;
}

/**
 * The guilds this process's shards carry and who sits in which of their voice channels: everything the
 * gateway needs from Discord's guild state, in a few dozen bytes per guild instead of discord.js's guild,
 * channel and role objects (whose caches the gateway limits to nothing). Fed from raw gateway dispatches by
 * `feedVoiceStates`: a session's READY lists its guilds, GUILD_CREATE brings each guild's voice states,
 * VOICE_STATE_UPDATE moves one member, GUILD_DELETE removes a guild or marks an outage. A resumed session
 * replays what it missed as ordinary dispatches, so it needs nothing special.
 *
 * @example
 * voiceStates.channelOf(guildId, userId); // '123…' or null
 * voiceStates.membersIn(guildId, channelId); // [{ userId: '456…', channelId, isBot: false }]
 * voiceStates.voiceMembers(guildId); // everyone in voice in the guild; undefined while it is unavailable
 */
export class VoiceStateStore implements VoiceChannelLookup {
  readonly #guilds = new Map<string, GuildEntry>();
  /** The bot's own user id, from READY: counted as a bot whatever a payload says. */
  #botUserId: string | undefined;

  /**
   * A new session on `shardId` (READY, which names the bot): its guild list replaces what the shard had (a
   * guild left while the shard was away is not in it), each unavailable until its GUILD_CREATE brings its
   * voice states.
   */
  public sessionStarted(shardId: number, guildIds: readonly string[], botUserId?: string): void {
    this.#botUserId = botUserId ?? this.#botUserId;
    for (const [guildId, entry] of this.#guilds) {
      if (entry.shardId === shardId) this.#guilds.delete(guildId);
    }
    for (const guildId of guildIds) {
      this.#guilds.set(guildId, { shardId, available: false, voice: undefined });
    }
  }

  /** A guild arrived or came back (GUILD_CREATE) with its full voice state, which replaces what was known. */
  public guildAvailable(shardId: number, guildId: string, members: readonly VoiceMember[]): void {
    const entry: GuildEntry = { shardId, available: true, voice: undefined };
    for (const member of members) {
      entry.voice ??= new Map();
      entry.voice.set(member.userId, {
        channelId: member.channelId,
        isBot: member.isBot || member.userId === this.#botUserId,
      });
    }
    this.#guilds.set(guildId, entry);
  }

  /**
   * An outage (GUILD_DELETE with `unavailable`, or a GUILD_CREATE saying so): the guild stays, with the voice
   * states last known (as discord.js keeps them), until its GUILD_CREATE on recovery replaces them. A guild
   * never seen before is recorded as unavailable.
   */
  public guildUnavailable(shardId: number, guildId: string): void {
    const entry = this.#guilds.get(guildId);
    if (entry === undefined) this.#guilds.set(guildId, { shardId, available: false, voice: undefined });
    else entry.available = false;
  }

  /** The bot left the guild, or it was deleted (GUILD_DELETE without `unavailable`). */
  public guildRemoved(guildId: string): void {
    this.#guilds.delete(guildId);
  }

  /**
   * Someone joined, moved or left (`channelId` null) a voice channel (VOICE_STATE_UPDATE). Ignored for a
   * guild this process does not carry, as discord.js ignores it.
   */
  public voiceStateChanged(guildId: string, userId: string, channelId: string | null, isBot: boolean): void {
    const entry = this.#guilds.get(guildId);
    if (entry === undefined) return;
    if (channelId === null) {
      entry.voice?.delete(userId);
      if (entry.voice?.size === 0) entry.voice = undefined;
      return;
    }
    entry.voice ??= new Map();
    entry.voice.set(userId, { channelId, isBot: isBot || userId === this.#botUserId });
  }

  /** The voice channel `userId` is in within `guildId` (the last known during an outage), or null. */
  public channelOf(guildId: string, userId: string): string | null {
    return this.#guilds.get(guildId)?.voice?.get(userId)?.channelId ?? null;
  }

  /**
   * Who sits in `channelId` of `guildId` (bots included, flagged), in no particular order; like
   * {@link channelOf}, the last known states during an outage.
   */
  public membersIn(guildId: string, channelId: string): VoiceMember[] {
    const members: VoiceMember[] = [];
    for (const [userId, state] of this.#guilds.get(guildId)?.voice ?? []) {
      if (state.channelId === channelId) members.push({ userId, channelId, isBot: state.isBot });
    }
    return members;
  }

  /**
   * Everyone in a voice channel of `guildId`, in no particular order; undefined while the guild is unknown or
   * unavailable (loading, an outage), when an empty list would be a lie.
   */
  public voiceMembers(guildId: string): VoiceMember[] | undefined {
    const entry = this.#guilds.get(guildId);
    if (entry?.available !== true) return undefined;
    const members: VoiceMember[] = [];
    for (const [userId, state] of entry.voice ?? []) {
      members.push({ userId, channelId: state.channelId, isBot: state.isBot });
    }
    return members;
  }

  /** True when one of this process's shards carries `guildId`, available or not. */
  public hasGuild(guildId: string): boolean {
    return this.#guilds.has(guildId);
  }

  /** Guilds this process's shards carry, available or not. */
  public get guildCount(): number {
    return this.#guilds.size;
  }
}
