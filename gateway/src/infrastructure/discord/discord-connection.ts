import type { Logger } from '@discord-bot/logger';
import { redactString } from '@discord-bot/logger';
import { down, up, type DependencyStatus } from '@discord-bot/observability';
import { Events, Status, type Client } from 'discord.js';

/** First wait before retrying a failed login; doubles up to {@link LOGIN_RETRY_MAX_MS}. */
export const LOGIN_RETRY_INITIAL_MS = 1_000;
/** Longest wait between login attempts. */
export const LOGIN_RETRY_MAX_MS = 60_000;

/** discord.js error codes that no retry can fix: the operator must change the configuration. */
const PERMANENT_LOGIN_ERRORS = new Set([
  'TokenInvalid',
  'TokenMissing',
  'DisallowedIntents',
  'InvalidIntents',
  'ShardingRequired',
  'ClientInvalidProvidedShards',
]);

/** Where the connection to Discord stands. */
export type DiscordConnectionState = 'idle' | 'connecting' | 'ready' | 'failed' | 'stopped';

/**
 * Logs the client in and keeps trying with capped exponential backoff while the failure can pass
 * (network, Discord outage); stops for good on a rejected token or intents. Failures are logged and
 * shown in readiness, never thrown: the process stays up so operators can see why.
 */
export class DiscordConnection {
  readonly #client: Client;
  readonly #token: string;
  readonly #logger: Logger;
  readonly #guildCount: () => number;
  #state: DiscordConnectionState = 'idle';
  #lastError: string | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #retryDelayMs = LOGIN_RETRY_INITIAL_MS;
  #failures = 0;

  /** @param guildCount How many guilds the client carries, for the "connected" log line (its cache holds none). */
  public constructor(client: Client, token: string, logger: Logger, guildCount: () => number = () => 0) {
    this.#client = client;
    this.#token = token;
    this.#logger = logger;
    this.#guildCount = guildCount;
    client.on(Events.ClientReady, (ready) => {
      this.#state = 'ready';
      this.#lastError = undefined;
      this.#retryDelayMs = LOGIN_RETRY_INITIAL_MS;
      this.#logger.info({ user: ready.user.tag, guilds: this.#guildCount() }, 'connected to Discord');
    });
    client.on(Events.ShardDisconnect, (event, shardId) =>
      this.#logger.warn({ shardId, code: event.code }, 'shard disconnected'),
    );
    client.on(Events.ShardReconnecting, (shardId) => this.#logger.info({ shardId }, 'shard reconnecting'));
    client.on(Events.ShardResume, (shardId) => this.#logger.info({ shardId }, 'shard resumed'));
    client.on(Events.Error, (error) => this.#logger.error({ err: error }, 'discord client error'));
  }

  /** Current state. */
  public get state(): DiscordConnectionState {
    return this.#state;
  }

  /** Failed login attempts since start. */
  public get failures(): number {
    return this.#failures;
  }

  /** Starts logging in (in the background). */
  public start(): void {
    if (this.#state !== 'idle') return;
    void this.#attempt();
  }

  /** For `/ready`: up when every shard this process runs is connected. */
  public status(): DependencyStatus {
    if (this.#state === 'ready' && this.#client.ws.status === Status.Ready) {
      return up(`ping ${Math.round(this.#client.ws.ping)} ms`);
    }
    if (this.#state === 'ready') return down(`gateway ${Status[this.#client.ws.status] ?? 'unknown'}`);
    return down(this.#lastError === undefined ? this.#state : `${this.#state}: ${this.#lastError}`);
  }

  /** Cancels retries and closes the gateway connection. */
  public async stop(): Promise<void> {
    this.#state = 'stopped';
    clearTimeout(this.#retryTimer);
    await this.#client.destroy();
  }

  async #attempt(): Promise<void> {
    this.#state = 'connecting';
    try {
      await this.#client.login(this.#token);
    } catch (error) {
      if (this.state === 'stopped') return;
      this.#failures += 1;
      const code = (error as { code?: unknown }).code;
      // The message may quote a URL or a header: pass it through the same redaction as the logs.
      this.#lastError = redactString(error instanceof Error ? error.message : String(error));
      if (typeof code === 'string' && PERMANENT_LOGIN_ERRORS.has(code)) {
        this.#state = 'failed';
        this.#logger.error(
          { code, reason: this.#lastError },
          'Discord refused the login; fix the configuration',
        );
        return;
      }
      const delayMs = this.#retryDelayMs;
      this.#retryDelayMs = Math.min(this.#retryDelayMs * 2, LOGIN_RETRY_MAX_MS);
      this.#logger.warn({ reason: this.#lastError, retryInMs: delayMs }, 'Discord login failed; retrying');
      this.#retryTimer = setTimeout(() => void this.#attempt(), delayMs);
    }
  }
}
