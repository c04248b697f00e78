import WebSocket from 'ws';
import { validate } from './protocol-oracle.js';

export interface TestSocket {
  readonly ws: WebSocket;
  readonly messages: Record<string, unknown>[];
  readonly sessionResumed: string | undefined;
  /** Resolves with the first message (already received or future) matching `predicate`. */
  next(
    predicate: (m: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Opens `/v4/websocket`; every message is validated against lavalink-protocol as it arrives. */
export function openSocket(url: string, headers: Record<string, string>): Promise<TestSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/v4/websocket`, { headers });
  const messages: Record<string, unknown>[] = [];
  const waiters: {
    predicate: (m: Record<string, unknown>) => boolean;
    resolve: (m: Record<string, unknown>) => void;
  }[] = [];
  let sessionResumed: string | undefined;
  ws.on('upgrade', (res) => {
    const value = res.headers['session-resumed'];
    sessionResumed = Array.isArray(value) ? value[0] : value;
  });
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
    validate.message(message);
    messages.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('open', () =>
      resolve({
        ws,
        messages,
        get sessionResumed() {
          return sessionResumed;
        },
        next: (predicate, timeoutMs = 5_000) => {
          const found = messages.find(predicate);
          if (found !== undefined) return Promise.resolve(found);
          return new Promise((res, rej) => {
            const timer = setTimeout(
              () => rej(new Error('Timed out waiting for a WebSocket message')),
              timeoutMs,
            );
            waiters.push({ predicate, resolve: (m) => (clearTimeout(timer), res(m)) });
          });
        },
        close: () =>
          new Promise<void>((res) => {
            if (ws.readyState === WebSocket.CLOSED) return res();
            ws.once('close', () => res());
            ws.close();
          }),
      }),
    );
  });
}

/** Rejects with the HTTP status of a refused upgrade. */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/v4/websocket`, { headers });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      ws.close();
      reject(new Error('upgrade was accepted'));
    });
    ws.once('error', () => undefined);
  });
}
