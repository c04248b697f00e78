import { describe, expect, it } from 'vitest';
import { SnowflakeGenerator, shardOf, snowflakeTimestamp } from '../../src/index.js';

describe('SnowflakeGenerator', () => {
  it('GIVEN many ids in the same millisecond THEN each is larger than the last and carries that time', () => {
    const generator = new SnowflakeGenerator(() => 1_700_000_000_000);
    const ids = Array.from({ length: 1_000 }, () => generator.next());
    for (let i = 1; i < ids.length; i += 1) expect(BigInt(ids[i]!)).toBeGreaterThan(BigInt(ids[i - 1]!));
    expect(snowflakeTimestamp(ids[0]!)).toBe(1_700_000_000_000);
  });

  it('GIVEN a clock going backwards THEN ids still increase', () => {
    let now = 1_700_000_000_500;
    const generator = new SnowflakeGenerator(() => now);
    const first = generator.next();
    now -= 400;
    expect(BigInt(generator.next())).toBeGreaterThan(BigInt(first));
  });

  it("THEN a guild's shard is (id >> 22) % count, as Discord documents", () => {
    // 41771983423143936 >> 22 = 9_959_216_934 (ms since the Discord epoch).
    expect(shardOf('41771983423143936', 1)).toBe(0);
    expect(shardOf('41771983423143936', 5)).toBe(4);
    expect(shardOf('41771983423143936', 2)).toBe(0);
    expect(shardOf('41771983423143936', 7)).toBe(2);
  });
});
