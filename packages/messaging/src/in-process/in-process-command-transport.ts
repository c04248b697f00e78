import type { CommandTransport, Delivery, EnqueueOutcome } from '../bus/command-transport.js';
import type { InProcessCommandBroker } from './in-process-command-broker.js';

/** One bus's view of an {@link InProcessCommandBroker}; a dead (abandoned) transport stops touching it. */
export class InProcessCommandTransport implements CommandTransport {
  readonly #broker: InProcessCommandBroker;
  readonly #name: string;
  readonly #stop = new AbortController();

  public constructor(broker: InProcessCommandBroker, name: string) {
    this.#broker = broker;
    this.#name = name;
  }

  public listenForReplies(onReply: (text: string) => void): Promise<void> {
    this.#alive();
    this.#broker.listen(this.#name, onReply);
    return Promise.resolve();
  }

  public enqueue(commandId: string, text: string, ttlMs: number): Promise<EnqueueOutcome> {
    return this.#call(() => this.#broker.enqueue(commandId, this.#name, text, ttlMs));
  }

  public prepareConsumer(): Promise<void> {
    return this.#call(() => undefined);
  }

  public async read(count: number, blockMs: number): Promise<Delivery[]> {
    this.#alive();
    return this.#broker.read(this.#name, count, blockMs, this.#stop.signal);
  }

  public recoverPending(): Promise<Delivery[]> {
    return this.#call(() => this.#broker.takeUnannounced(this.#name));
  }

  public reclaim(minIdleMs: number, count: number): Promise<Delivery[]> {
    return this.#call(() => this.#broker.reclaim(this.#name, minIdleMs, count));
  }

  public touch(deliveryIds: readonly string[]): Promise<void> {
    return this.#call(() => this.#broker.touch(this.#name, deliveryIds));
  }

  public completedReply(commandId: string): Promise<string | undefined> {
    return this.#call(() => this.#broker.completedReply(commandId));
  }

  public complete(deliveryId: string, commandId: string, replyText: string, ttlMs: number): Promise<void> {
    return this.#call(() => this.#broker.complete(deliveryId, commandId, replyText, ttlMs));
  }

  public drop(deliveryId: string): Promise<void> {
    return this.#call(() => this.#broker.drop(deliveryId));
  }

  public withdraw(commandId: string): Promise<boolean> {
    return this.#call(() => this.#broker.withdraw(commandId));
  }

  public close(): Promise<void> {
    this.abandon();
    return Promise.resolve();
  }

  public abandon(): void {
    this.#stop.abort();
    this.#broker.unlisten(this.#name);
  }

  #alive(): void {
    if (this.#stop.signal.aborted) throw new Error('the in-process command transport is closed');
  }

  #call<T>(action: () => T): Promise<T> {
    try {
      this.#alive();
      return Promise.resolve(action());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
