import { randomInt } from 'node:crypto';
import type { StoredTrack } from '../../src/index.js';

/** A random Discord-like id, so tests sharing a database never touch each other's rows. */
export function snowflake(): string {
  return `${randomInt(1, 9)}${Array.from({ length: 17 }, () => randomInt(0, 10)).join('')}`;
}

/** A plausible Lavalink track. */
export function track(title: string, requesterId = '100000000000000001'): StoredTrack {
  const identifier = `${title.toLowerCase().replace(/\W+/g, '-')}-${randomInt(0, 1_000_000)}`;
  return {
    encoded: `QAAA${Buffer.from(identifier).toString('base64')}`,
    info: {
      identifier,
      title,
      author: 'Test Artist',
      length: 215_000,
      isStream: false,
      isSeekable: true,
      uri: `https://example.com/watch?v=${identifier}`,
      artworkUrl: null,
      isrc: null,
      sourceName: 'youtube',
    },
    requester: { id: requesterId, username: 'tester' },
    pluginInfo: { albumName: 'Fixtures', previewUrl: null },
    userData: { queuedVia: 'test' },
  };
}
