/**
 * Who (other than bots) sits in which voice channel, per guild, as far as voice events told us. A guild the
 * roster has heard nothing about is "unknown": the bot is never considered alone there.
 */
export class VoiceRoster {
  readonly #guilds = new Map<string, Map<string, string>>();

  public update(guildId: string, userId: string, channelId: string | null): void {
    const members = this.#guilds.get(guildId) ?? new Map<string, string>();
    if (channelId === null) members.delete(userId);
    else members.set(userId, channelId);
    this.#guilds.set(guildId, members);
  }

  /** True when the roster knows the guild and no listener is in `channelId`. */
  public isAlone(guildId: string, channelId: string): boolean {
    const members = this.#guilds.get(guildId);
    if (members === undefined) return false;
    for (const channel of members.values()) if (channel === channelId) return false;
    return true;
  }

  public forget(guildId: string): void {
    this.#guilds.delete(guildId);
  }
}
