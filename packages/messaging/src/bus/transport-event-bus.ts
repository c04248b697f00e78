import type { Logger } from '@discord-bot/logger';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { ChannelDefinition, TypedMessage } from '../contracts/channel.js';
import { salvageId } from '../contracts/parse-command.js';
import { messagingMetrics, type MessagingMetrics } from '../metrics.js';
import type { EventBus, FanOutTransport, MessageHandler, Unsubscribe } from './event-bus.js';

/** What a fan-out bus needs besides its transport. */
export interface EventBusOptions {
  readonly logger: Logger;
  readonly registry: Registry;
  /** Prepended to channel names (tests use a unique one per file). */
  readonly prefix?: string;
}

/** Validation, metrics and error isolation over any {@link FanOutTransport}. */
export class TransportEventBus implements EventBus {
  readonly #transport: FanOutTransport;
  readonly #logger: Logger;
  readonly #metrics: MessagingMetrics;
  readonly #prefix: string;
  readonly #subscriptions = new Set<Unsubscribe>();

  public constructor(transport: FanOutTransport, options: EventBusOptions) {
    this.#transport = transport;
    this.#logger = options.logger;
    this.#metrics = messagingMetrics(options.registry);
    this.#prefix = options.prefix ?? '';
  }

  public async publish<M extends TypedMessage>(channel: ChannelDefinition<M>, message: M): Promise<void> {
    await this.#transport.publish(this.#prefix + channel.name, JSON.stringify(message));
    this.#metrics.published.inc({ channel: channel.name, type: message.type });
  }

  public async subscribe<M extends TypedMessage>(
    channel: ChannelDefinition<M>,
    handler: MessageHandler<M>,
  ): Promise<Unsubscribe> {
    const stop = await this.#transport.subscribe(this.#prefix + channel.name, (text) => {
      void this.#deliver(channel, handler, text);
    });
    const unsubscribe = async () => {
      this.#subscriptions.delete(unsubscribe);
      await stop();
    };
    this.#subscriptions.add(unsubscribe);
    return unsubscribe;
  }

  public async close(): Promise<void> {
    await Promise.all([...this.#subscriptions].map((unsubscribe) => unsubscribe()));
    await this.#transport.close();
  }

  async #deliver<M extends TypedMessage>(
    channel: ChannelDefinition<M>,
    handler: MessageHandler<M>,
    text: string,
  ): Promise<void> {
    let decoded: unknown;
    try {
      decoded = JSON.parse(text);
    } catch {
      decoded = undefined;
    }
    const parsed = channel.schema.safeParse(decoded);
    if (!parsed.success) {
      this.#metrics.dropped.inc({ channel: channel.name, reason: 'malformed' });
      this.#logger.warn(
        { channel: channel.name, messageId: salvageId(decoded), detail: z.prettifyError(parsed.error) },
        'dropped a bad message',
      );
      return;
    }
    const message = parsed.data;
    try {
      await handler(message);
      this.#metrics.consumed.inc({ channel: channel.name, type: message.type });
    } catch (error) {
      this.#metrics.failed.inc({ channel: channel.name, type: message.type });
      this.#logger.error(
        { err: error, channel: channel.name, messageId: message.id },
        'message handler threw',
      );
    }
  }
}
