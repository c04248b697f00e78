import type { ChannelDefinition, TypedMessage } from '../contracts/channel.js';

/** Stops a subscription. */
export type Unsubscribe = () => Promise<void>;

/** Handles one validated message; a throw is counted and logged, never fatal to the subscription. */
export type MessageHandler<M> = (message: M) => void | Promise<void>;

/**
 * Fan-out messaging: every subscriber of a channel gets every message published after it subscribed.
 * Messages are validated against the channel's schema on receipt; bad ones are counted, logged and dropped.
 */
export interface EventBus {
  /** Publishes `message` on `channel`. */
  publish<M extends TypedMessage>(channel: ChannelDefinition<M>, message: M): Promise<void>;
  /** Calls `handler` for each valid message on `channel`; resolves once no later message can be missed. */
  subscribe<M extends TypedMessage>(
    channel: ChannelDefinition<M>,
    handler: MessageHandler<M>,
  ): Promise<Unsubscribe>;
  /** Ends every subscription and releases connections. */
  close(): Promise<void>;
}

/**
 * An {@link EventBus} that also keeps order and does not lose messages across a short disconnect: a
 * subscriber resumes from the last message it saw (Redis Streams). For `to-audio` and `to-discord`, where a
 * lost voice event leaves a player stuck; `ui:now` can afford pub/sub.
 */
export type StreamBus = EventBus;

/** The transport under a fan-out bus: raw text in, raw text out. */
export interface FanOutTransport {
  publish(channel: string, text: string): Promise<void>;
  subscribe(channel: string, onText: (text: string) => void): Promise<Unsubscribe>;
  close(): Promise<void>;
}
