import { describe, expect, it } from 'vitest';
import { describeLeftOut } from '../src/presentation/ui/describe-left-out.js';

const none = { tooLong: 0, duplicates: 0, queueFull: 0, maxTrackDurationMs: null };

describe('describeLeftOut (the /play answer for a playlist)', () => {
  it('GIVEN nothing left out THEN nothing is added to the answer', () => {
    expect(describeLeftOut(none)).toBe('');
  });

  it('GIVEN tracks left out for each reason THEN each count is named with its reason, the limit included', () => {
    expect(describeLeftOut({ tooLong: 2, duplicates: 1, queueFull: 3, maxTrackDurationMs: 600_000 })).toBe(
      ' (left out: 2 longer than 10:00, 1 already queued, 3 beyond the queue limit)',
    );
  });

  it('GIVEN only tracks too long THEN only they are named', () => {
    expect(describeLeftOut({ ...none, tooLong: 4, maxTrackDurationMs: 3_600_000 })).toBe(
      ' (left out: 4 longer than 1:00:00)',
    );
  });
});
