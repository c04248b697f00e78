/** Doublings after which the pause stops growing (far past any cap; keeps the power finite). */
const MAX_DOUBLINGS = 30;

/**
 * The pause before reconnect attempt `attempt` to a lost audio node (0: the first after the loss): `firstMs`,
 * doubling with each failed attempt, never more than `maxMs`. Reconnecting never gives up, so a node back
 * after a long outage is found within `maxMs` without a dead one being tried every `firstMs` meanwhile.
 */
export function reconnectDelayMs(attempt: number, firstMs: number, maxMs: number): number {
  return Math.min(maxMs, firstMs * 2 ** Math.min(Math.max(0, attempt), MAX_DOUBLINGS));
}
