import type { Redis } from 'ioredis';

/**
 * Completes a command: stores its reply in the command id's record ('D' + reply, see `command-scripts.ts`)
 * and publishes it to the sender, then to every duplicate's sender the replaced record named.
 *
 * Two plain commands in one pipeline (one write, one round trip) rather than a script: nothing here needs a
 * script's atomicity. Redis runs a connection's commands in order, so the reply is stored before anyone can
 * receive it (a redelivery then finds it and replays it instead of running the command again), and a
 * duplicate enqueued after the SET finds the stored reply itself. The duplicates' senders, known only from
 * the SET's answer, are told in a second step off the first sender's path; if this consumer dies in between
 * they time out, and their retry finds the stored reply. An EVALSHA cost ~14 us of Redis time per command
 * against ~4 us for the SET and PUBLISH.
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
  const pipeline = redis.pipeline().set(recordKey, `D${replyText}`, 'PX', ttlMs, 'GET');
  if (replyTo !== '') pipeline.publish(replyTo, replyText);
  const results = await pipeline.exec();
  if (results === null) throw new Error('reply pipeline aborted');
  for (const [error] of results) if (error) throw error;
  const previous = results[0]?.[1];
  if (typeof previous !== 'string' || !previous.startsWith('P')) return;
  const duplicates = previous
    .split('\n')
    .slice(1)
    .filter((channel) => channel !== '' && channel !== replyTo);
  if (duplicates.length === 0) return;
  const others = redis.pipeline();
  for (const channel of duplicates) others.publish(channel, replyText);
  await others.exec();
}
