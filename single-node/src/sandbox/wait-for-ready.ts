import type { Readable } from 'node:stream';

/** Pause between two `/ready` polls, ms. */
const READY_POLL_MS = 250;

/** Where the `listening` line of a JSON log says the HTTP server is, as a loopback URL. */
function listeningUrl(line: string): string | undefined {
  if (!line.includes('"msg":"listening"')) return undefined;
  try {
    const { port } = JSON.parse(line) as { port?: unknown };
    return typeof port === 'number' ? `http://127.0.0.1:${port}` : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves with the bot's HTTP address once its JSON log (`output`) names it. */
function addressFrom(output: Readable): Promise<string> {
  return new Promise((resolve) => {
    let pending = '';
    const onData = (chunk: Buffer): void => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const url = listeningUrl(line);
        if (url === undefined) continue;
        output.off('data', onData);
        resolve(url);
        return;
      }
    };
    output.on('data', onData);
  });
}

/**
 * Starts reading the JSON log of a bot just spawned (`output`, from its first line: the address is logged
 * early) and returns the wait: it resolves once the bot answers 200 on `/ready`, every dependency up (the
 * database migrated, the audio service consuming, the audio node connected), so the first `/play` a user
 * sends is played rather than answered "the player is not responding"; it rejects after `timeoutMs`.
 *
 * @example
 * const untilReady = watchReadiness(bot.stdout);
 * await untilReady(120_000);
 */
export function watchReadiness(output: Readable): (timeoutMs: number) => Promise<void> {
  const address = addressFrom(output);
  return async (timeoutMs) => {
    const deadline = Date.now() + timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the bot was not ready within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const base = await Promise.race([address, timeout]);
      while (Date.now() < deadline) {
        const status = await fetch(`${base}/ready`).then(
          (response) => response.status,
          () => 0,
        );
        if (status === 200) return;
        await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
      }
      throw new Error(`the bot was not ready within ${timeoutMs} ms`);
    } finally {
      clearTimeout(timer);
    }
  };
}
