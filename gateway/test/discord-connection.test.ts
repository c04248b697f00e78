import { EventEmitter } from 'node:events';
import { createSilentLogger } from '@discord-bot/logger';
import { Events, Status, type Client } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DiscordConnection,
  LOGIN_RETRY_INITIAL_MS,
} from '../src/infrastructure/discord/discord-connection.js';

/** The slice of a discord.js Client the connection uses; login outcomes are scripted per attempt. */
class ScriptedClient extends EventEmitter {
  public readonly ws = { status: Status.Idle as Status, ping: -1 };
  public readonly attempts: string[] = [];
  public destroyed = false;

  public constructor(private readonly outcomes: (Error | 'ok')[]) {
    super();
  }

  public async login(token: string): Promise<string> {
    this.attempts.push(token);
    const outcome = this.outcomes.shift() ?? 'ok';
    if (outcome !== 'ok') throw outcome;
    this.ws.status = Status.Ready;
    this.ws.ping = 42;
    this.emit(Events.ClientReady, { user: { tag: 'bot#0001' }, guilds: { cache: { size: 1 } } });
    return Promise.resolve(token);
  }

  public async destroy(): Promise<void> {
    this.destroyed = true;
    return Promise.resolve();
  }
}

const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

function connect(outcomes: (Error | 'ok')[]) {
  const client = new ScriptedClient(outcomes);
  const connection = new DiscordConnection(client as unknown as Client, 'token', createSilentLogger());
  return { client, connection };
}

describe('DiscordConnection', () => {
  afterEach(() => vi.useRealTimers());

  it('GIVEN Discord accepts the login THEN it is up with the ping', async () => {
    const { connection } = connect(['ok']);
    connection.start();
    await vi.waitFor(() => expect(connection.state).toBe('ready'));
    expect(connection.status()).toEqual({ state: 'up', detail: 'ping 42 ms' });
  });

  it('GIVEN a network failure THEN it reports it and retries with a doubling delay', async () => {
    vi.useFakeTimers();
    const refused = new Error('connect ECONNREFUSED 127.0.0.1:1');
    const { client, connection } = connect([refused, refused, 'ok']);
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.status()).toEqual({
      state: 'down',
      detail: 'connecting: connect ECONNREFUSED 127.0.0.1:1',
    });
    expect(connection.failures).toBe(1);

    await vi.advanceTimersByTimeAsync(LOGIN_RETRY_INITIAL_MS);
    expect(client.attempts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2 * LOGIN_RETRY_INITIAL_MS - 1);
    expect(client.attempts).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.attempts).toHaveLength(3);
    expect(connection.state).toBe('ready');
  });

  it('GIVEN Discord rejects the token THEN it stops trying and says why, without crashing', async () => {
    vi.useFakeTimers();
    const { client, connection } = connect([coded('TokenInvalid', 'An invalid token was provided.')]);
    connection.start();
    await vi.advanceTimersByTimeAsync(10 * LOGIN_RETRY_INITIAL_MS);
    expect(client.attempts).toHaveLength(1);
    expect(connection.state).toBe('failed');
    expect(connection.status()).toEqual({ state: 'down', detail: 'failed: An invalid token was provided.' });
  });

  it('GIVEN a pending retry WHEN stopped THEN no further attempt is made and the client is destroyed', async () => {
    vi.useFakeTimers();
    const { client, connection } = connect([new Error('socket hang up')]);
    connection.start();
    await vi.advanceTimersByTimeAsync(0);
    await connection.stop();
    await vi.advanceTimersByTimeAsync(60 * LOGIN_RETRY_INITIAL_MS);
    expect(client.attempts).toHaveLength(1);
    expect(client.destroyed).toBe(true);
    expect(connection.state).toBe('stopped');
  });

  it('GIVEN an error message carrying a credential THEN readiness shows it masked', async () => {
    const { connection } = connect([new Error('GET https://user:hunter2@proxy.local failed')]);
    connection.start();
    await vi.waitFor(() => expect(connection.failures).toBe(1));
    expect(connection.status().detail).not.toContain('hunter2');
    await connection.stop();
  });
});
