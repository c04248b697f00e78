import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '@discord-bot/commands';

describe('parseTimestamp', () => {
  it.each([
    ['83', 83_000],
    ['1:23', 83_000],
    ['01:02:03', 3_723_000],
    ['1m23s', 83_000],
    ['2h', 7_200_000],
    ['0', 0],
    ['12.5', 12_500],
  ])('GIVEN %s THEN it is %d ms', (input, ms) => {
    expect(parseTimestamp(input)).toEqual({ ok: true, value: ms });
  });

  it.each(['abc', '', '1:99', '-5', '1::2', '25h'])('GIVEN %j THEN it is refused with a hint', (input) => {
    const result = parseTimestamp(input);
    expect(result.ok).toBe(false);
  });
});
