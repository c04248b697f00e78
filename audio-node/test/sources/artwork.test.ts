import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCoverArt } from '../support/id3.js';
import { startTestNode, type TestNode } from '../support/test-node.js';

/** A 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('embedded cover art of local files', () => {
  let node: TestNode;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audio-node-artwork-'));
    const mp3 = readFileSync(new URL('../fixtures/tone-440hz-3s.mp3', import.meta.url));
    writeFileSync(join(dir, 'with-cover.mp3'), withCoverArt(mp3, 'Covered', PNG));
    writeFileSync(join(dir, 'plain.mp3'), mp3);
    node = await startTestNode({ musicDirs: [dir] });
  });
  afterAll(async () => {
    await node.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const info = async (identifier: string) => {
    const res = await node.rest(`/v4/loadtracks?identifier=${encodeURIComponent(identifier)}`);
    return ((await res.json()) as { data: { info: { title: string; artworkUrl: string | null } } }).data.info;
  };

  it('GIVEN a file with a cover THEN artworkUrl serves the picture without a password', async () => {
    const { title, artworkUrl } = await info('with-cover.mp3');
    expect(title).toBe('Covered');
    expect(artworkUrl).toMatch(new RegExp(`^${node.url}/artwork/[0-9a-f]{32}$`));
    const res = await fetch(artworkUrl!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('GIVEN a file without a cover THEN no artworkUrl; unknown tokens are 404', async () => {
    expect((await info('plain.mp3')).artworkUrl).toBeNull();
    expect((await fetch(`${node.url}/artwork/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${node.url}/artwork/..%2f..%2fetc%2fpasswd`)).status).toBe(401);
  });
});
