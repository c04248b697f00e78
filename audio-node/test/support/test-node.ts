import { createSilentLogger } from '@discord-bot/logger';
import { startAudioNode, type AudioNodeOptions, type RunningAudioNode } from '../../src/start-audio-node.js';
import { FakeEngine } from './fake-engine.js';

export interface TestNode extends RunningAudioNode {
  readonly engine: FakeEngine;
  /** `fetch` against the node with the password (unless `headers.Authorization` overrides it). */
  rest(path: string, init?: RequestInit): Promise<Response>;
}

/** Starts a node on a random loopback port with the fake engine. */
export async function startTestNode(overrides: Partial<AudioNodeOptions> = {}): Promise<TestNode> {
  const engine = new FakeEngine();
  const node = await startAudioNode({
    host: '127.0.0.1',
    port: 0,
    password: 'test-password',
    musicDirs: [],
    httpAllowlist: ['127.0.0.1'],
    logger: createSilentLogger(),
    engine,
    ...overrides,
  });
  return {
    ...node,
    close: () => node.close(),
    engine: (overrides.engine as FakeEngine | undefined) ?? engine,
    rest: (path, init = {}) =>
      fetch(`${node.url}${path}`, {
        ...init,
        headers: {
          Authorization: node.password,
          'Content-Type': 'application/json',
          ...(init.headers as Record<string, string> | undefined),
        },
      }),
  };
}
