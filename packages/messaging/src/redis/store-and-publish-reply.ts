import type { Redis } from 'ioredis';

/**
 * Completes a command: stores its reply in the command id's record ('D' + reply, see `command-scripts.ts`)
 * and publishes it to the sender, then to every duplicate's sender the replaced record named.
 *
 * Two plain commands rather than a script or a pipeline: nothing here needs a script's atomicity. Redis runs
 * a connection's commands in order, so the reply is stored before anyone can receive it (a redelivery then
 * finds it and replays it instead of running the command again), and a duplicate enqueued after the SET finds
 * the stored reply itself. The duplicates' senders, known only from the SET's answer, are told in a second
 * step off the first sender's path; if this consumer dies in between they time out, and their retry finds the
 * stored reply. An EVALSHA cost ~14 us of Redis time per command against ~4 us for the SET and PUBLISH. An
 * ioredis pipeline would send both in one write, but its Pipeline object costs more Node CPU than the write it
 * saves (~15 us), and made once per command, so many of them reached V8's old generation that every
 * young-generation collection took 2-4 ms instead of ~0.5 ms (bench bus-rtt: the bus's p99.9).
 *
 * @param replyTo - the sender's reply channel from the stream entry, '' when unknown.
 * @throws when either write failed (the caller retries: storing and publishing again is harmless).
 */
export async function storeAndPublishReply(
  redis: Redis,
  recordKey: string,
  replyText: string,
  ttlMs: number,
  replyTo: string,
): Promise<void> {
  // Promise.all observes both: when both fail, the second failure is not an unhandled rejection.
  const [previous] = await Promise.all([
    redis.set(recordKey, `D${replyText}`, 'PX', ttlMs, 'GET'),
    replyTo === '' ? Promise.resolve(0) : redis.publish(replyTo, replyText),
  ]);
  if (typeof previous !== 'string' || !previous.startsWith('P')) return;
  const duplicates = previous
    .split('\n')
    .slice(1)
    .filter((channel) => channel !== '' && channel !== replyTo);
  if (duplicates.length === 0) return;
  await Promise.all(duplicates.map((channel) => redis.publish(channel, replyText)));
}
