import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@discord-bot/logger';

/** One JSON line as the production logger writes it. */
export type LogLine = Readonly<Record<string, unknown>>;

/** A real logger (pino, JSON, redaction) writing into memory, and the lines it wrote so far. */
export function capturedLog(): { logger: Logger; lines: () => LogLine[] } {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return {
    logger: createLogger({ service: 'test', level: 'info', destination }),
    lines: () =>
      text
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as LogLine),
  };
}
