import { RETRY_DELAY_MS } from '../constants.js';
import { sleep, type CommandBusContext } from './command-bus-context.js';
import type { Delivery } from './command-transport.js';

/** What the intake feeds. */
export interface IntakeSink {
  /** Takes one delivery (it is held from now until settled). */
  accept(delivery: Delivery): void;
  /** Deliveries held (queued or running). */
  load(): number;
  /** True when this delivery is held already. */
  holds(deliveryId: string): boolean;
}

/**
 * How commands reach a consumer: blocking stream reads while it has room (`maxInFlight`), and a periodic
 * sweep that takes over what dead consumers left pending and recovers the commands in its own pending
 * entries it was never given (a read reply lost with its connection: no other consumer would take them).
 */
export class CommandIntake {
  readonly #context: CommandBusContext;
  readonly #sink: IntakeSink;
  #running = false;
  #loop: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #roomFreed: (() => void) | undefined;
  #sweeping = false;

  public constructor(context: CommandBusContext, sink: IntakeSink) {
    this.#context = context;
    this.#sink = sink;
  }

  /** Joins the group and starts taking commands. */
  public async start(): Promise<void> {
    const { transport, tuning } = this.#context;
    await transport.prepareConsumer();
    this.#running = true;
    this.#loop = this.#run();
    this.#timer = setInterval(() => void this.#sweep(), Math.max(tuning.claimIdleMs / 2, 10));
    // Commands another consumer left behind are worth taking at once, not after the first interval.
    void this.#sweep();
  }

  /** A held delivery was settled: there is room for another. */
  public roomFreed(): void {
    this.#roomFreed?.();
    this.#roomFreed = undefined;
  }

  /** Stops taking commands; resolves once the read under way has returned. */
  public async stop(): Promise<void> {
    this.#halt();
    await this.#loop;
  }

  /** Stops at once (a crash, for tests). */
  public abandon(): void {
    this.#halt();
  }

  #halt(): void {
    clearInterval(this.#timer);
    this.#running = false;
    this.roomFreed();
  }

  async #run(): Promise<void> {
    const { transport, tuning, logger } = this.#context;
    let failing = false;
    while (this.#running) {
      if (this.#sink.load() >= tuning.maxInFlight) {
        await new Promise<void>((resolve) => (this.#roomFreed = resolve));
        continue;
      }
      try {
        const deliveries = await transport.read(tuning.readCount, tuning.blockMs);
        if (failing) logger.info('command stream readable again');
        failing = false;
        for (const delivery of deliveries) this.#sink.accept(delivery);
        // Let the commands just accepted start (and fast ones answer) before the next blocking read is written
        // to the socket: that write would otherwise sit on the critical path of every reply.
        if (deliveries.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      } catch (error) {
        if (!this.#running) break;
        if (!failing) logger.warn({ err: error }, 'cannot read the command stream, retrying');
        failing = true;
        await sleep(RETRY_DELAY_MS);
      }
    }
  }

  /** Takes over what dead consumers left pending, then recovers own pending entries never handed out. */
  async #sweep(): Promise<void> {
    if (!this.#running || this.#sweeping) return;
    this.#sweeping = true;
    const { transport, tuning, logger } = this.#context;
    try {
      const reclaimed = await transport.reclaim(tuning.claimIdleMs, tuning.readCount);
      for (const delivery of reclaimed)
        if (!this.#sink.holds(delivery.deliveryId)) this.#sink.accept(delivery);
      if (!this.#running) return;
      for (const delivery of await transport.recoverPending()) this.#sink.accept(delivery);
    } catch (error) {
      logger.debug({ err: error }, 'reclaim failed; will retry');
    } finally {
      this.#sweeping = false;
    }
  }
}
