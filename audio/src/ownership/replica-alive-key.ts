/**
 * The Redis key saying that audio replica `replicaId` is alive: set with a short time to live and renewed
 * while the process runs, so it disappears within one lease of a crash. The guild leases and the node session
 * records both read it.
 */
export function replicaAliveKey(replicaId: string, keyPrefix = ''): string {
  return `${keyPrefix}audio:replica-alive:${replicaId}`;
}
