import type { SEARCH_SOURCE_NAMES } from '../constants.js';

/** A search source a guild may make its default. */
export type SearchSourceName = (typeof SEARCH_SOURCE_NAMES)[number];

/** How autoplay picks the next track. */
export type AutoplayMode = 'similar' | 'artist' | 'genre' | 'mixed';

/** A guild's configuration. */
export interface GuildSettings {
  readonly guildId: string;
  readonly defaultVolume: number;
  readonly djRoleId: string | null;
  readonly announceChannelId: string | null;
  /** 24/7 mode: stay in the voice channel when the queue ends or everyone leaves. */
  readonly alwaysOn: boolean;
  /** Share of listeners whose votes skip a track, in (0, 1]. */
  readonly voteSkipRatio: number;
  readonly maxQueueLength: number;
  /** Null: no limit. */
  readonly maxTrackDurationMs: number | null;
  /** Refuse to queue a track that is already queued. */
  readonly duplicateGuard: boolean;
  readonly autoplayMode: AutoplayMode;
  /** BCP 47 language of the bot's replies (`en`, `pt-BR`). */
  readonly language: string;
  readonly premiumTier: string;
  /** Source a plain query searches first, before the others as fallbacks; null: the usual order. */
  readonly defaultSearchSource: SearchSourceName | null;
  /** 0 for a guild that never changed anything; incremented by every update. */
  readonly revision: number;
  readonly updatedAt: Date | null;
}

/** Fields a guild may change. */
export type GuildSettingsPatch = Partial<Omit<GuildSettings, 'guildId' | 'revision' | 'updatedAt'>>;
