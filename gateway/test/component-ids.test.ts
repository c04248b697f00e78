import { describe, expect, it } from 'vitest';
import { ComponentIds, nextLoopMode, parseComponentId } from '../src/presentation/ui/component-ids.js';

describe('button custom ids', () => {
  it.each([
    ['np:pause', { commandName: 'pause', rawOptions: {}, ack: 'ephemeral' }],
    ['np:resume', { commandName: 'resume', rawOptions: {}, ack: 'ephemeral' }],
    ['np:previous', { commandName: 'previous', rawOptions: {}, ack: 'ephemeral' }],
    ['np:skip', { commandName: 'skip', rawOptions: {}, ack: 'ephemeral' }],
    ['np:stop', { commandName: 'stop', rawOptions: {}, ack: 'ephemeral' }],
    ['np:shuffle', { commandName: 'shuffle', rawOptions: {}, ack: 'ephemeral' }],
    ['np:loop:queue', { commandName: 'loop', rawOptions: { mode: 'queue' }, ack: 'ephemeral' }],
    ['queue:3', { commandName: 'queue', rawOptions: { page: 3 }, ack: 'update' }],
  ])('GIVEN %s THEN it acts as the matching command', (id, route) => {
    expect(parseComponentId(id)).toEqual(route);
  });

  it.each([
    '',
    'np',
    'np:volume',
    'np:pause:now',
    'np:loop:forever',
    'np:loop',
    'queue:0',
    'queue:-1',
    'queue:abc',
    'queue:1:2',
    'queue:99999999',
    'settings:reset',
    'np:__proto__',
    'x'.repeat(100),
  ])('GIVEN the unknown id %j THEN nothing is routed', (id) => {
    expect(parseComponentId(id)).toBeUndefined();
  });

  it('THEN every id the UI builds routes back', () => {
    for (const id of [ComponentIds.loop('off'), ComponentIds.queuePage(2), ComponentIds.control('skip')]) {
      expect(parseComponentId(id)).toBeDefined();
    }
    expect([nextLoopMode('off'), nextLoopMode('track'), nextLoopMode('queue')]).toEqual([
      'track',
      'queue',
      'off',
    ]);
  });
});
