import { describe, expect, it } from 'vitest';
import { SendBudget } from '../../src/gateway/send-budget.js';

describe('SendBudget', () => {
  it('GIVEN 120 per 60 s THEN the 121st payload in the window is refused and old ones slide out', () => {
    let now = 0;
    const budget = new SendBudget(120, 60_000, () => now);
    for (let i = 0; i < 120; i += 1) {
      now = i * 100;
      expect(budget.take()).toBe(true);
    }
    expect(budget.take()).toBe(false);
    const fresh = new SendBudget(120, 60_000, () => now);
    for (let i = 0; i < 120; i += 1) fresh.take();
    now += 60_000;
    expect(fresh.take()).toBe(true);
  });
});
