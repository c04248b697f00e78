import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostResolver } from '../../src/security/safe-fetch.js';
import { startMediaServer, type MediaServer } from '../support/media-server.js';
import { validate } from '../support/protocol-oracle.js';
import { startTestNode, type TestNode } from '../support/test-node.js';
import { makeWav } from '../support/wav.js';

/** Simulated DNS: names the tests use, nothing reaches a real resolver. */
const DNS: Record<string, string[]> = {
  'private.test': ['10.1.2.3'],
  'metadata.test': ['169.254.169.254'],
  'rebind.test': ['93.184.216.34', '127.0.0.1'],
  'media.test': ['127.0.0.1'],
};
const resolver: HostResolver = (hostname) => {
  const answers = DNS[hostname];
  if (answers === undefined) return Promise.reject(new Error('ENOTFOUND'));
  return Promise.resolve(answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
};

describe('refused sources (SSRF and path traversal)', () => {
  let strict: TestNode; // nothing allowlisted
  let lenient: TestNode; // 127.0.0.1 and media.test allowlisted, music dir configured
  let media: MediaServer;
  let root: string;
  let musicDir: string;
  let realMusicDir: string;

  async function loadError(node: TestNode, identifier: string): Promise<{ message: string; cause: string }> {
    const res = await node.rest(`/v4/loadtracks?identifier=${encodeURIComponent(identifier)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { loadType: string; data: { message: string; cause: string } };
    validate.loadResult(body);
    expect(body.loadType).toBe('error');
    return body.data;
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'audio-node-refused-'));
    musicDir = join(root, 'music');
    mkdirSync(musicDir);
    writeFileSync(join(root, 'secret.wav'), makeWav({ seconds: 0.1 }));
    writeFileSync(join(musicDir, 'ok.wav'), makeWav({ seconds: 0.1 }));
    symlinkSync(join(root, 'secret.wav'), join(musicDir, 'escape.wav'));
    writeFileSync(join(musicDir, 'evil.m3u'), '../secret.wav\n/etc/passwd\n');
    writeFileSync(join(musicDir, 'mixed.m3u'), 'ok.wav\n../secret.wav\n');
    mkdirSync(join(musicDir, 'only-escapes'));
    symlinkSync(join(root, 'secret.wav'), join(musicDir, 'only-escapes', 'secret.wav'));
    realMusicDir = realpathSync(musicDir);
    media = await startMediaServer({
      '/ok.wav': { kind: 'file', body: makeWav({ seconds: 0.1 }), type: 'audio/wav' },
      '/to-metadata': { kind: 'redirect', location: 'http://169.254.169.254/latest/meta-data/' },
      '/to-private-name': { kind: 'redirect', location: 'http://private.test/a.mp3' },
      '/loop': { kind: 'redirect', location: '/loop' },
      '/private-literals.m3u': {
        kind: 'file',
        body: Buffer.from('#EXTM3U\nhttp://10.0.0.1/a.mp3\nhttp://[::1]:8000/stream\n'),
        type: 'audio/x-mpegurl',
      },
      '/private-names.pls': {
        kind: 'file',
        body: Buffer.from('[playlist]\nFile1=http://private.test/a.mp3\nFile2=http://metadata.test/\n'),
        type: 'audio/x-scpls',
      },
      '/mixed.m3u': {
        kind: 'file',
        body: Buffer.from('#EXTM3U\n/ok.wav\nhttp://169.254.169.254/latest/meta-data/\n'),
        type: 'audio/x-mpegurl',
      },
    });
    strict = await startTestNode({ httpAllowlist: [], resolver });
    lenient = await startTestNode({
      httpAllowlist: ['127.0.0.1', 'media.test'],
      resolver,
      musicDirs: [musicDir],
    });
  });
  afterAll(async () => {
    await strict.close();
    await lenient.close();
    await media.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['loopback', 'http://127.0.0.1:9/a.mp3'],
    ['IPv6 loopback', 'http://[::1]:9/a.mp3'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['10/8', 'http://10.0.0.1/a.mp3'],
    ['172.16/12', 'http://172.16.5.4/a.mp3'],
    ['192.168/16', 'http://192.168.1.1/a.mp3'],
    ['CGNAT', 'http://100.64.0.1/a.mp3'],
    ['multicast', 'http://224.0.0.1/a.mp3'],
    ['0.0.0.0', 'http://0.0.0.0/a.mp3'],
    ['decimal IPv4', 'http://2130706433/a.mp3'],
    ['hex IPv4', 'http://0x7f000001/a.mp3'],
    ['octal IPv4', 'http://0177.0.0.1/a.mp3'],
    ['IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]/a.mp3'],
    ['IPv6 metadata', 'http://[fd00:ec2::254]/latest/'],
    ['IPv6 link-local', 'http://[fe80::1]/a.mp3'],
    ['a name resolving to a private address', 'http://private.test/a.mp3'],
    ['a name resolving to metadata', 'http://metadata.test/'],
    ['a name with one public and one loopback answer (rebinding)', 'http://rebind.test/a.mp3'],
  ])('refuses %s', async (_what, url) => {
    const error = await loadError(strict, url);
    expect(error.cause).toBe('SOURCE_BLOCKED_ADDRESS');
    expect(error.message).toMatch(/^Refused to fetch .*not allowed/);
  });

  it('refuses a redirect from an allowlisted server to the metadata address', async () => {
    const error = await loadError(lenient, `${media.url}/to-metadata`);
    expect(error).toMatchObject({
      cause: 'SOURCE_BLOCKED_ADDRESS',
      message: expect.stringContaining('169.254.169.254') as string,
    });
  });

  it('refuses a redirect to a name resolving to a private address', async () => {
    expect((await loadError(lenient, `${media.url}/to-private-name`)).message).toContain(
      'private.test (10.1.2.3)',
    );
  });

  it('stops after 5 redirects', async () => {
    expect((await loadError(lenient, `${media.url}/loop`)).cause).toBe('SOURCE_TOO_MANY_REDIRECTS');
  });

  it('refuses schemes other than http(s) given as URLs', async () => {
    const res = await lenient.rest(
      `/v4/loadtracks?identifier=${encodeURIComponent('ftp://127.0.0.1/a.mp3')}`,
    );
    expect(await res.json()).toEqual({ loadType: 'empty', data: null });
  });

  it('GIVEN an allowlisted name THEN connects to the address that was checked (pinned, no system DNS)', async () => {
    const res = await lenient.rest(
      `/v4/loadtracks?identifier=${encodeURIComponent(media.url.replace('127.0.0.1', 'media.test') + '/ok.wav')}`,
    );
    expect(((await res.json()) as { loadType: string }).loadType).toBe('track');
  });

  it.each([
    ['a .. segment', '../secret.wav'],
    ['a percent-encoded .. segment', '%2e%2e/secret.wav'],
    ['an absolute path with ..', `${'/'}music/../secret.wav`],
    ['a file URL with encoded ..', 'file:///music/%2E%2E/secret.wav'],
  ])('refuses %s', async (_what, identifier) => {
    const error = await loadError(lenient, identifier);
    expect(error).toMatchObject({
      cause: 'SOURCE_PATH_REFUSED',
      message: expect.stringContaining('".." is not allowed') as string,
    });
  });

  it('refuses a symlink that escapes the music directory', async () => {
    const error = await loadError(lenient, join(musicDir, 'escape.wav'));
    expect(error).toMatchObject({
      cause: 'SOURCE_PATH_REFUSED',
      message: expect.stringContaining('outside the music directories') as string,
    });
  });

  it('refuses an absolute path outside the music directories, whether or not it exists (no probing)', async () => {
    const existing = await loadError(lenient, join(root, 'secret.wav'));
    const missing = await loadError(lenient, join(root, 'no-such-file.wav'));
    expect(existing.cause).toBe('SOURCE_PATH_REFUSED');
    expect(missing.cause).toBe('SOURCE_PATH_REFUSED');
    expect(missing.message.replace('no-such-file', 'secret')).toBe(existing.message);
  });

  it('GIVEN a playlist whose entries all escape the music directory THEN an error naming why, not empty', async () => {
    const error = await loadError(lenient, join(musicDir, 'evil.m3u'));
    expect(error).toMatchObject({
      cause: 'SOURCE_PATH_REFUSED',
      severity: 'suspicious',
      message: expect.stringMatching(
        /^Playlist evil has nothing to play: all 2 entries were left out, the first: Refused path .*secret\.wav.*outside the music directories/,
      ) as string,
    });
  });

  it('GIVEN a directory whose only file is a symlink out of it THEN an error naming why', async () => {
    const error = await loadError(lenient, join(musicDir, 'only-escapes'));
    expect(error).toMatchObject({
      cause: 'SOURCE_PATH_REFUSED',
      message: expect.stringContaining('its only entry was left out: Refused path') as string,
    });
  });

  it('GIVEN a playlist with one entry inside and one escaping THEN a playlist of the one inside', async () => {
    const res = await lenient.rest(
      `/v4/loadtracks?identifier=${encodeURIComponent(join(musicDir, 'mixed.m3u'))}`,
    );
    const body = (await res.json()) as { loadType: string; data: { tracks: { info: { uri: string } }[] } };
    expect(body.loadType).toBe('playlist');
    expect(body.data.tracks.map((t) => t.info.uri)).toEqual([join(realMusicDir, 'ok.wav')]);
  });

  it.each([
    ['literal private and loopback addresses', '/private-literals.m3u', '10.0.0.1'],
    ['names resolving to private and metadata addresses', '/private-names.pls', 'private.test (10.1.2.3)'],
  ])(
    'GIVEN an HTTP playlist whose entries are all %s THEN an error naming the refused address',
    async (_what, path, shown) => {
      const error = await loadError(lenient, `${media.url}${path}`);
      expect(error).toMatchObject({ cause: 'SOURCE_BLOCKED_ADDRESS', severity: 'suspicious' });
      expect(error.message).toMatch(
        /^Playlist .* has nothing to play: all 2 entries were left out, the first: /,
      );
      expect(error.message).toContain(`Refused to fetch ${shown}`);
    },
  );

  it('GIVEN an HTTP playlist with one allowed and one private entry THEN a playlist of the allowed one', async () => {
    const res = await lenient.rest(
      `/v4/loadtracks?identifier=${encodeURIComponent(`${media.url}/mixed.m3u`)}`,
    );
    const body = (await res.json()) as { loadType: string; data: { tracks: { info: { uri: string } }[] } };
    validate.loadResult(body);
    expect(body.loadType).toBe('playlist');
    expect(body.data.tracks.map((t) => t.info.uri)).toEqual([`${media.url}/ok.wav`]);
  });

  it('still loads a file inside the music directory', async () => {
    const res = await lenient.rest(`/v4/loadtracks?identifier=${encodeURIComponent('ok.wav')}`);
    const body = (await res.json()) as { loadType: string; data: { info: { sourceName: string } } };
    expect(body.loadType).toBe('track');
    expect(body.data.info.sourceName).toBe('local');
  });
});
