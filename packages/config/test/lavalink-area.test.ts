import { describe, expect, it } from 'vitest';
import { problems, valid } from './support.js';

const node = { id: 'main', url: 'http://lavalink:2333', password: 'pw' };

describe('lavalink area (LAVALINK_NODES)', () => {
  it('GIVEN nothing set THEN the embedded audio node is used', () => {
    expect(valid('audio').lavalink.nodes).toBeUndefined();
  });

  it('GIVEN a JSON array of nodes THEN they are parsed', () => {
    const second = { id: 'backup', url: 'wss://audio.example:443', password: 'x' };
    expect(valid('audio', { LAVALINK_NODES: JSON.stringify([node, second]) }).lavalink.nodes).toEqual([
      node,
      second,
    ]);
  });

  it('GIVEN text that is not JSON THEN the problem does not quote it', () => {
    const [problem] = problems('audio', { LAVALINK_NODES: '[{"password":"hunter2"' });
    expect(problem?.variable).toBe('LAVALINK_NODES');
    expect(problem?.message).toContain('not valid JSON');
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });

  it('GIVEN bad nodes THEN every field at fault is named by position', () => {
    const found = problems('audio', {
      LAVALINK_NODES: JSON.stringify([{ id: '', url: 'ftp://x', password: '' }, 3]),
    });
    expect(found.map((p) => p.message)).toEqual([
      'item 1 id: must not be empty',
      'item 1 url: must start with http://, https://, ws:// or wss://',
      'item 1 password: must not be empty',
      expect.stringMatching(/^item 2: /),
    ]);
  });

  it('GIVEN an empty array or duplicate ids THEN they are refused', () => {
    expect(problems('audio', { LAVALINK_NODES: '[]' })[0]?.message).toContain('at least one node');
    expect(problems('audio', { LAVALINK_NODES: JSON.stringify([node, node]) })[0]?.message).toContain(
      'unique',
    );
  });
});
