import { describe, expect, it } from 'vitest';
import { problems, valid } from './support.js';

describe('features area (PREMIUM_ENABLED, FEATURE_FLAGS)', () => {
  it('GIVEN nothing set THEN premium gating is off and no flag is named', () => {
    expect(valid('gateway').features).toEqual({ premiumEnabled: false, flags: {} });
  });

  it.each([
    ['true', true],
    ['ON', true],
    ['1', true],
    ['no', false],
    ['false', false],
  ])('GIVEN PREMIUM_ENABLED=%s THEN it is %s', (value, expected) => {
    expect(valid('api', { PREMIUM_ENABLED: value }).features.premiumEnabled).toBe(expected);
  });

  it('GIVEN flags with and without values THEN each is on or off, names lower-cased', () => {
    expect(
      valid('audio', { FEATURE_FLAGS: 'Autoplay, lyrics=false,twenty-four-seven=on' }).features.flags,
    ).toEqual({
      autoplay: true,
      lyrics: false,
      'twenty-four-seven': true,
    });
  });

  it('GIVEN bad values THEN both are reported', () => {
    const found = problems('gateway', { PREMIUM_ENABLED: 'maybe', FEATURE_FLAGS: 'ok,bad flag' });
    expect(found.map((p) => [p.variable, p.message])).toEqual([
      ['PREMIUM_ENABLED', 'must be true or false'],
      [
        'FEATURE_FLAGS',
        'item 2 of the comma-separated list is not a flag name optionally followed by =true or =false',
      ],
    ]);
  });
});
