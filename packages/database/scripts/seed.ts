/**
 * `npm run db:seed`: development data — a guild with settings, a premium tier, a saved playlist, some
 * listening history and a feature flag. Idempotent: running it again updates the same rows.
 */
import type { StoredTrack } from '@discord-bot/database';
import { openScriptDatabase } from './script-database.js';

/** Ids used by the Discord simulator's default fixtures, so seeded data shows up there. */
const GUILD_ID = '100000000000000001';
const DJ_ROLE_ID = '100000000000000002';
const TEXT_CHANNEL_ID = '100000000000000003';
const USER_ID = '100000000000000010';

function track(identifier: string, title: string, author: string, lengthMs: number): StoredTrack {
  return {
    encoded: `dev:${identifier}`,
    info: {
      identifier,
      title,
      author,
      length: lengthMs,
      isStream: false,
      isSeekable: true,
      uri: `https://example.com/tracks/${identifier}`,
      artworkUrl: null,
      isrc: null,
      sourceName: 'http',
    },
    requester: { id: USER_ID, username: 'dev-user' },
  };
}

const TRACKS = [
  track('sine-440', 'Sine 440 Hz', 'Test Tones', 30_000),
  track('sweep', 'Frequency Sweep', 'Test Tones', 45_000),
  track('pink-noise', 'Pink Noise', 'Test Tones', 60_000),
];

const db = await openScriptDatabase({ migrate: true });
try {
  await db.transaction(async (tx) => {
    const settings = await tx.guildSettings.update(GUILD_ID, {
      defaultVolume: 80,
      djRoleId: DJ_ROLE_ID,
      announceChannelId: TEXT_CHANNEL_ID,
      voteSkipRatio: 0.5,
      autoplayMode: 'mixed',
      premiumTier: 'plus',
    });
    if (!settings.ok) throw new Error(`seed settings refused: ${settings.error.reason}`);

    await tx.premiumTiers.upsert({
      id: 'plus',
      name: 'Plus',
      rank: 1,
      monthlyPriceCents: 299,
      limits: { maxQueueLength: 2_000, features: ['filters', 'always-on'] },
    });

    const owner = { type: 'guild', id: GUILD_ID } as const;
    const existing = await tx.playlists.findByName(owner, 'Dev Mix');
    if (existing === undefined) {
      const created = await tx.playlists.create({ owner, name: 'Dev Mix', createdBy: USER_ID });
      if (!created.ok) throw new Error(`seed playlist refused: ${created.error.code}`);
      await tx.playlists.addTracks(created.value.id, TRACKS, USER_ID);
    }

    const recent = await tx.listeningHistory.recentForGuild(GUILD_ID, { limit: 1 });
    if (recent.length === 0) {
      const start = Date.now() - 3_600_000;
      for (const [index, item] of TRACKS.entries()) {
        const startedAt = new Date(start + index * 120_000);
        const skipped = index === 1;
        const playedMs = skipped ? 5_000 : item.info.length;
        await tx.listeningHistory.record({
          guildId: GUILD_ID,
          userId: USER_ID,
          track: item,
          startedAt,
          endedAt: new Date(startedAt.getTime() + playedMs),
          playedMs,
          outcome: skipped ? 'skipped' : 'finished',
        });
      }
    }

    await tx.featureFlags.set({ scope: GUILD_ID, name: 'autoplay.mixed', enabled: true });
  });
  console.log(`seeded guild ${GUILD_ID}: settings, tier "plus", playlist "Dev Mix", history, a feature flag`);
} catch (error) {
  console.error('seeding failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
