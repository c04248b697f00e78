import { DEFAULT_AUDIO_NODE_PORT, isAllowlistEntry } from '@discord-bot/config';
import { describe, expect, it } from 'vitest';
import { problems, valid, variables } from './support.js';

describe('audio node area', () => {
  it('GIVEN only a password THEN loopback:2333, no music dirs, no allowlist', () => {
    expect(valid('audio-node').audioNode).toEqual({
      host: '127.0.0.1',
      port: DEFAULT_AUDIO_NODE_PORT,
      password: 'node-password',
      musicDirs: [],
      httpAllowlist: [],
    });
  });

  it('GIVEN every variable THEN lists are split and trimmed', () => {
    const { audioNode, log } = valid('audio-node', {
      AUDIO_NODE_HOST: '0.0.0.0',
      AUDIO_NODE_PORT: '2444',
      AUDIO_NODE_MUSIC_DIRS: '/srv/music, ./music,',
      AUDIO_NODE_HTTP_ALLOWLIST: 'music.lan,10.0.0.0/8,*.example.com,::1,fd00::/8',
      LOG_LEVEL: 'warn',
    });
    expect(audioNode).toMatchObject({
      host: '0.0.0.0',
      port: 2444,
      musicDirs: ['/srv/music', './music'],
      httpAllowlist: ['music.lan', '10.0.0.0/8', '*.example.com', '::1', 'fd00::/8'],
    });
    expect(log.level).toBe('warn');
  });

  it('GIVEN the standalone node without a password THEN it refuses to start', () => {
    expect(variables(problems('audio-node', { AUDIO_NODE_PASSWORD: undefined }))).toEqual([
      'AUDIO_NODE_PASSWORD',
    ]);
  });

  it('GIVEN single-node without a password THEN a random one is made for the embedded node', () => {
    const first = valid('single-node').audioNode.password;
    expect(first).toMatch(/^[\w-]{32}$/);
    expect(valid('single-node').audioNode.password).not.toBe(first);
    expect(valid('single-node', { AUDIO_NODE_PASSWORD: 'fixed' }).audioNode.password).toBe('fixed');
  });

  it('GIVEN bad values THEN each is reported', () => {
    const found = problems('audio-node', {
      AUDIO_NODE_PORT: '99999',
      AUDIO_NODE_HTTP_ALLOWLIST: 'ok.lan,10.0.0.0/33,bad host',
      AUDIO_NODE_HOST: ' ',
    });
    expect(variables(found)).toEqual([
      'AUDIO_NODE_PORT',
      'AUDIO_NODE_HTTP_ALLOWLIST',
      'AUDIO_NODE_HTTP_ALLOWLIST',
    ]);
  });

  it.each([
    ['music.lan', true],
    ['192.168.1.10', true],
    ['192.168.0.0/16', true],
    ['fd00::/8', true],
    ['*.example.com', true],
    ['10.0.0.0/33', false],
    ['fd00::/129', false],
    ['host/8', false],
    ['under_score.lan', false],
    ['http://music.lan', false],
  ])('isAllowlistEntry(%s) is %s', (entry, expected) => {
    expect(isAllowlistEntry(entry)).toBe(expected);
  });
});
