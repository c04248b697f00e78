import { DEFAULT_PORTS, describeVariables } from '@discord-bot/config';
import { describe, expect, it } from 'vitest';
import { problems, valid } from './support.js';

describe('worker area (WORKER_PORT)', () => {
  it('GIVEN WORKER_PORT missing THEN the worker listens on its default port, 3003', () => {
    expect(DEFAULT_PORTS.worker).toBe(3003);
    expect(valid('worker').http).toEqual({ host: '127.0.0.1', port: 3003 });
  });

  it('GIVEN WORKER_PORT empty (a copied .env.example) THEN the default is used', () => {
    expect(valid('worker', { WORKER_PORT: '' }).http.port).toBe(DEFAULT_PORTS.worker);
  });

  it('GIVEN a valid WORKER_PORT THEN it is used (0 = any free port)', () => {
    expect(valid('worker', { WORKER_PORT: '8083' }).http.port).toBe(8083);
    expect(valid('worker', { WORKER_PORT: ' 1 ' }).http.port).toBe(1);
    expect(valid('worker', { WORKER_PORT: '0' }).http.port).toBe(0);
  });

  it.each(['x', '-1', '65536', '80.5', '8083abc'])(
    'GIVEN WORKER_PORT=%s THEN it is the one problem, with a valid example',
    (value) => {
      expect(problems('worker', { WORKER_PORT: value })).toEqual([
        { variable: 'WORKER_PORT', message: 'must be a port number from 0 to 65535', example: '8083' },
      ]);
    },
  );

  it('GIVEN WORKER_PORT set wrong THEN the services that do not read it ignore it', () => {
    expect(valid('api', { WORKER_PORT: 'x' }).http.port).toBe(DEFAULT_PORTS.api);
    expect(valid('single-node', { WORKER_PORT: 'x' }).http.port).toBe(DEFAULT_PORTS.singleNode);
  });

  it('THEN WORKER_PORT is documented in its own area, read by the worker service only', () => {
    expect(describeVariables().find((variable) => variable.name === 'WORKER_PORT')).toMatchObject({
      area: 'Worker',
      default: '3003',
      services: ['worker'],
      requiredBy: [],
    });
  });
});
