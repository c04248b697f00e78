import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRateLimitStore } from '@discord-bot/commands';
import { fakeInvocation } from '@discord-bot/commands/testing';
import { createLogger } from '@discord-bot/logger';
import { createCommandDispatcher } from '../src/application/commands/create-dispatcher.js';
import { fakePlayer, type FakePlayer } from './support/fake-player.js';

let player: FakePlayer;

afterEach(async () => {
  await player.close();
});

/** The gateway's dispatcher over a fake audio service, logging JSON lines into memory. */
async function loggedGateway() {
  player = await fakePlayer();
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  const { dispatcher } = createCommandDispatcher({
    services: { bus: player.sender, requestTimeoutMs: 2_000 },
    logger: createLogger({ service: 'gateway', level: 'info', destination }),
    rateLimits: new MemoryRateLimitStore(),
    guildPolicy: { djRoleId: () => Promise.resolve(null) },
    premiumPolicy: { allows: () => Promise.resolve({ allowed: true }) },
  });
  const lines = () =>
    text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { dispatcher, lines };
}

describe('the correlation id of a command', () => {
  it('GIVEN a slash command THEN its interaction id is the correlation id logged and the one sent to the audio service', async () => {
    const { dispatcher, lines } = await loggedGateway();
    await dispatcher.dispatch(
      fakeInvocation({ id: '1400000000000000001', commandName: 'volume', rawOptions: { percent: 50 } }),
    );
    expect(player.received.map((command) => [command.type, command.correlationId])).toEqual([
      ['volume', '1400000000000000001'],
    ]);
    expect(lines().find((line) => line['msg'] === 'command finished')).toMatchObject({
      correlationId: '1400000000000000001',
      guildId: '200',
      command: 'volume',
      outcome: 'OK',
    });
  });

  it('GIVEN a button and a refusal from the audio service THEN each carries its own interaction id', async () => {
    const { dispatcher, lines } = await loggedGateway();
    await dispatcher.dispatch(
      fakeInvocation({ id: '1400000000000000002', kind: 'component', commandName: 'pause' }),
    );
    await dispatcher.dispatch(fakeInvocation({ id: '1400000000000000003', commandName: 'stop' }));
    expect(player.received.map((command) => command.correlationId)).toEqual([
      '1400000000000000002',
      '1400000000000000003',
    ]);
    const finished = lines().filter((line) => line['msg'] === 'command finished');
    expect(finished.map((line) => [line['correlationId'], line['outcome']])).toEqual([
      ['1400000000000000002', 'OK'],
      ['1400000000000000003', 'NOTHING_PLAYING'],
    ]);
  });
});
