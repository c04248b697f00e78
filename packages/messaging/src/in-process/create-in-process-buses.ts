import { randomUUID } from 'node:crypto';
import type { CommandBus } from '../bus/command-bus.js';
import type { EventBus } from '../bus/event-bus.js';
import { TransportCommandBus, type CommandBusOptions } from '../bus/transport-command-bus.js';
import { TransportEventBus, type EventBusOptions } from '../bus/transport-event-bus.js';
import { InProcessCommandBroker } from './in-process-command-broker.js';
import { InProcessCommandTransport } from './in-process-command-transport.js';
import { InProcessFanOutHub } from './in-process-fan-out.js';

/** Options of {@link createInProcessCommandBus}. */
export interface InProcessCommandBusOptions extends CommandBusOptions {
  /** Shared by the sender and the consumer, as they would share one Redis. */
  readonly broker: InProcessCommandBroker;
  /** Its consumer's name on the broker; a fresh one when omitted. */
  readonly consumerName?: string;
}

/**
 * The command bus inside one process (single-node mode): the same guarantees as over Redis, in memory.
 *
 * @example
 * const broker = new InProcessCommandBroker();
 * const gatewayBus = createInProcessCommandBus({ broker, logger, registry });
 * const audioBus = createInProcessCommandBus({ broker, logger, registry });
 */
export function createInProcessCommandBus(
  options: InProcessCommandBusOptions,
): CommandBus & { abandon(): void } {
  return new TransportCommandBus(
    new InProcessCommandTransport(options.broker, options.consumerName ?? randomUUID()),
    options,
  );
}

/** Options of {@link createInProcessEventBus}. */
export interface InProcessEventBusOptions extends EventBusOptions {
  readonly hub: InProcessFanOutHub;
}

/** Fan-out inside one process; serves as both the event bus and the stream bus (nothing is lost in memory). */
export function createInProcessEventBus(options: InProcessEventBusOptions): EventBus {
  const { hub } = options;
  // Closing one bus must not silence the others on the same hub.
  const view = {
    publish: hub.publish.bind(hub),
    subscribe: hub.subscribe.bind(hub),
    close: () => Promise.resolve(),
  };
  return new TransportEventBus(view, options);
}

export { InProcessCommandBroker, InProcessFanOutHub };
