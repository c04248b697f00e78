import type { Redis } from 'ioredis';

/** A consumer idle this long with nothing pending belongs to a process that is gone. */
const DEAD_CONSUMER_IDLE_MS = 24 * 60 * 60_000;

/** Creates consumer group `group` on `stream` (and the stream), reading from its start; fine when it exists. */
export async function createConsumerGroup(redis: Redis, stream: string, group: string): Promise<void> {
  try {
    await redis.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('BUSYGROUP')) throw error;
  }
}

/**
 * Every process start is a new consumer name; names of long-dead processes with nothing pending are removed
 * so the group does not grow with every restart. Names with pending entries stay to be reclaimed.
 */
export async function forgetDeadConsumers(
  redis: Redis,
  stream: string,
  group: string,
  self: string,
): Promise<void> {
  const consumers = (await redis.xinfo('CONSUMERS', stream, group)) as unknown[][];
  for (const fields of consumers) {
    const info = new Map<unknown, unknown>();
    for (let i = 0; i + 1 < fields.length; i += 2) info.set(fields[i], fields[i + 1]);
    const name = info.get('name');
    if (typeof name !== 'string' || name === self) continue;
    if (info.get('pending') === 0 && Number(info.get('idle')) > DEAD_CONSUMER_IDLE_MS) {
      await redis.xgroup('DELCONSUMER', stream, group, name);
    }
  }
}
