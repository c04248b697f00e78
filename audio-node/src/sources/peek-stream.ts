import { Readable } from 'node:stream';

/**
 * Reads up to `bytes` from the start of `stream` and returns them with a stream that replays them followed
 * by the rest, so the caller can sniff a format without losing data.
 */
export async function peekStream(
  stream: Readable,
  bytes: number,
): Promise<{ head: Buffer; stream: Readable }> {
  const chunks: Buffer[] = [];
  let length = 0;
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done === true) break;
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  const replayed = Readable.from(replay(), { objectMode: false });
  replayed.once('close', () => stream.destroy());
  return { head: head.subarray(0, bytes), stream: replayed };
}
