/** Someone (not a bot) in a voice channel, as a roster lists them. */
export interface RosterListener {
  readonly userId: string;
  readonly channelId: string;
}

/**
 * Who (other than bots) sits in which voice channel, per guild. A guild is known only from a full roster
 * onwards (the gateway's answer to a roster request); the voice events after it keep it up to date. Events
 * for a guild not known are ignored: a service that did not hear every move since the members sat down
 * (just started, or took the guild over) would otherwise take a partial picture for the whole. In a guild
 * not known the bot is never considered alone.
 */
export class VoiceRoster {
  readonly #guilds = new Map<string, Map<string, string>>();

  /** True once a full roster of the guild arrived (and it was not forgotten since). */
  public knows(guildId: string): boolean {
    return this.#guilds.has(guildId);
  }

  /** Replaces what was known of the guild with a full roster. */
  public replace(guildId: string, listeners: readonly RosterListener[]): void {
    this.#guilds.set(guildId, new Map(listeners.map((entry) => [entry.userId, entry.channelId])));
  }

  /** One member joined, moved or (`channelId` null) left; ignored for a guild not known. */
  public update(guildId: string, userId: string, channelId: string | null): void {
    const members = this.#guilds.get(guildId);
    if (members === undefined) return;
    if (channelId === null) members.delete(userId);
    else members.set(userId, channelId);
  }

  /** True when the roster knows the guild and no listener is in `channelId`. */
  public isAlone(guildId: string, channelId: string): boolean {
    const members = this.#guilds.get(guildId);
    if (members === undefined) return false;
    for (const channel of members.values()) if (channel === channelId) return false;
    return true;
  }

  /** Forgets the guild (its player is gone: nothing to judge until the next one asks again). */
  public forget(guildId: string): void {
    this.#guilds.delete(guildId);
  }
}
