import type { FanOutTransport, Unsubscribe } from '../bus/event-bus.js';

/**
 * In-process fan-out: what Redis pub/sub and fan-out streams do between processes, between the parts of one
 * process. Share one hub between the buses that should hear each other. Delivery is asynchronous (as over a
 * network) and in publish order.
 */
export class InProcessFanOutHub implements FanOutTransport {
  readonly #subscribers = new Map<string, Set<(text: string) => void>>();

  public publish(channel: string, text: string): Promise<void> {
    for (const subscriber of this.#subscribers.get(channel) ?? []) queueMicrotask(() => subscriber(text));
    return Promise.resolve();
  }

  public subscribe(channel: string, onText: (text: string) => void): Promise<Unsubscribe> {
    // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
    const subscriber = (text: string) => onText(text);
    const set = this.#subscribers.get(channel) ?? new Set();
    set.add(subscriber);
    this.#subscribers.set(channel, set);
    return Promise.resolve(() => {
      set.delete(subscriber);
      return Promise.resolve();
    });
  }

  public close(): Promise<void> {
    this.#subscribers.clear();
    return Promise.resolve();
  }
}
