import {
  DEFAULT_ALONE_TIMEOUT_SECONDS,
  DEFAULT_IDLE_TIMEOUT_SECONDS,
  describeVariables,
} from '@discord-bot/config';
import { describe, expect, it } from 'vitest';
import { problems, valid } from './support.js';

describe('audio area (AUDIO_ALONE_TIMEOUT_SECONDS, AUDIO_IDLE_TIMEOUT_SECONDS)', () => {
  it('GIVEN nothing set THEN the bot leaves after 2 min alone and 5 min idle', () => {
    expect([DEFAULT_ALONE_TIMEOUT_SECONDS, DEFAULT_IDLE_TIMEOUT_SECONDS]).toEqual([120, 300]);
    expect(valid('audio').audio).toEqual({ aloneTimeoutMs: 120_000, idleTimeoutMs: 300_000 });
    expect(valid('single-node').audio).toEqual({ aloneTimeoutMs: 120_000, idleTimeoutMs: 300_000 });
  });

  it('GIVEN them empty (a copied .env.example) THEN the defaults are used', () => {
    expect(
      valid('audio', { AUDIO_ALONE_TIMEOUT_SECONDS: '', AUDIO_IDLE_TIMEOUT_SECONDS: ' ' }).audio,
    ).toEqual({ aloneTimeoutMs: 120_000, idleTimeoutMs: 300_000 });
  });

  it('GIVEN whole seconds THEN they are the timeouts, in the audio service and single-node', () => {
    const env = { AUDIO_ALONE_TIMEOUT_SECONDS: '30', AUDIO_IDLE_TIMEOUT_SECONDS: ' 900 ' };
    expect(valid('audio', env).audio).toEqual({ aloneTimeoutMs: 30_000, idleTimeoutMs: 900_000 });
    expect(valid('single-node', env).audio).toEqual({ aloneTimeoutMs: 30_000, idleTimeoutMs: 900_000 });
    expect(valid('audio', { AUDIO_IDLE_TIMEOUT_SECONDS: '86400' }).audio.idleTimeoutMs).toBe(86_400_000);
  });

  it.each(['0', '-5', '1.5', '2m', 'soon', '86401'])(
    'GIVEN AUDIO_ALONE_TIMEOUT_SECONDS=%s THEN it is the one problem, with a valid example',
    (value) => {
      expect(problems('audio', { AUDIO_ALONE_TIMEOUT_SECONDS: value })).toEqual([
        {
          variable: 'AUDIO_ALONE_TIMEOUT_SECONDS',
          message: 'must be a whole number from 1 to 86400',
          example: '60',
        },
      ]);
    },
  );

  it('GIVEN both wrong THEN both are reported', () => {
    const found = problems('audio', { AUDIO_ALONE_TIMEOUT_SECONDS: 'x', AUDIO_IDLE_TIMEOUT_SECONDS: '0' });
    expect(found.map((problem) => problem.variable)).toEqual([
      'AUDIO_ALONE_TIMEOUT_SECONDS',
      'AUDIO_IDLE_TIMEOUT_SECONDS',
    ]);
  });

  it('GIVEN them set wrong THEN the services that do not read them ignore them', () => {
    expect(valid('gateway', { AUDIO_IDLE_TIMEOUT_SECONDS: 'x' }).http.port).toBe(3001);
    expect(valid('worker', { AUDIO_ALONE_TIMEOUT_SECONDS: 'x' }).http.port).toBe(3003);
  });

  it('THEN both are documented in the Audio area, read by the audio service and single-node', () => {
    const documented = describeVariables().filter((variable) => variable.area === 'Audio');
    expect(documented.map((variable) => [variable.name, variable.default, variable.services])).toEqual([
      ['AUDIO_ALONE_TIMEOUT_SECONDS', '120', ['audio', 'single-node']],
      ['AUDIO_IDLE_TIMEOUT_SECONDS', '300', ['audio', 'single-node']],
    ]);
  });
});
