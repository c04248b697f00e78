/**
 * A loopback relay in front of an audio node: REST requests and the WebSocket pass through untouched, except
 * the ones a test tells it to fail, which it answers itself as a broken Lavalink node does (an HTTP error
 * with Lavalink's error body). The service under test sees a real node that misbehaves on demand.
 */
import { createServer, request as httpRequest, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { connect } from 'node:net';

/** Which requests to fail and how. */
export interface FailureRule {
  readonly method: string;
  /** Matched against the request path with its query (`/v4/sessions/.../players/...`). */
  readonly path: RegExp;
  /** Matched against the request body when given (a PATCH that carries a track, not a seek). */
  readonly body?: RegExp;
  /** Default 500. */
  readonly status?: number;
  /** How many matching requests fail before the rule is spent; default 1. */
  readonly count?: number;
}

/** A relay to one node; `target` may be changed when the node is replaced. */
export interface FailingNodeRelay {
  readonly url: string;
  target: string;
  /** Requests that were failed so far (method and path). */
  readonly failed: string[];
  failNext(rule: FailureRule): void;
  close(): Promise<void>;
}

interface ActiveRule {
  readonly method: string;
  readonly path: RegExp;
  readonly body: RegExp | undefined;
  readonly status: number;
  remaining: number;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Starts a relay on 127.0.0.1 forwarding to `target` (an `http://host:port` node URL). */
export async function startFailingNodeRelay(target: string): Promise<FailingNodeRelay> {
  const rules: ActiveRule[] = [];
  const failed: string[] = [];
  const sockets = new Set<Socket>();
  const relay = { target };

  const takeRule = (method: string, path: string, body: string): ActiveRule | undefined => {
    const rule = rules.find(
      (r) =>
        r.remaining > 0 &&
        r.method === method &&
        r.path.test(path) &&
        (r.body === undefined || r.body.test(body)),
    );
    if (rule !== undefined) rule.remaining -= 1;
    return rule;
  };

  const fail = (res: ServerResponse, rule: ActiveRule, method: string, path: string) => {
    failed.push(`${method} ${path}`);
    // Lavalink v4's error response shape.
    const body = JSON.stringify({
      timestamp: Date.now(),
      status: rule.status,
      error: STATUS_TEXT[rule.status] ?? 'Error',
      message: 'injected failure',
      path: path.split('?')[0],
    });
    res.writeHead(rule.status, { 'content-type': 'application/json' }).end(body);
  };

  const server: Server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const rule = takeRule(method, path, body.toString('utf8'));
      if (rule !== undefined) {
        fail(res, rule, method, path);
        return;
      }
      const upstream = new URL(relay.target);
      const forward = httpRequest(
        { host: upstream.hostname, port: upstream.port, method, path, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });

  // The WebSocket: the upgrade request is replayed to the node as it came, then bytes flow both ways.
  server.on('upgrade', (req, client: Socket, head: Buffer) => {
    const upstream = new URL(relay.target);
    const node = connect(Number(upstream.port), upstream.hostname, () => {
      const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      node.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) node.write(head);
      node.pipe(client);
      client.pipe(node);
    });
    sockets.add(client).add(node);
    const drop = () => {
      client.destroy();
      node.destroy();
      sockets.delete(client);
      sockets.delete(node);
    };
    node.on('error', drop).on('close', drop);
    client.on('error', drop).on('close', drop);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get target() {
      return relay.target;
    },
    set target(value: string) {
      relay.target = value;
    },
    failed,
    failNext(rule) {
      rules.push({
        method: rule.method,
        path: rule.path,
        body: rule.body,
        status: rule.status ?? 500,
        remaining: rule.count ?? 1,
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
