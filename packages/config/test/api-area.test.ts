import { DEFAULT_PORTS, describeVariables } from '@discord-bot/config';
import { describe, expect, it } from 'vitest';
import { problems, valid } from './support.js';

describe('api area (API_PORT)', () => {
  it('GIVEN API_PORT missing THEN the API listens on its default port, 3000', () => {
    expect(DEFAULT_PORTS.api).toBe(3000);
    expect(valid('api').http).toEqual({ host: '127.0.0.1', port: 3000 });
  });

  it('GIVEN API_PORT empty (a copied .env.example) THEN the default is used', () => {
    expect(valid('api', { API_PORT: '' }).http.port).toBe(DEFAULT_PORTS.api);
  });

  it('GIVEN a valid API_PORT THEN it is used (0 = any free port)', () => {
    expect(valid('api', { API_PORT: '8080' }).http.port).toBe(8080);
    expect(valid('api', { API_PORT: ' 65535 ' }).http.port).toBe(65_535);
    expect(valid('api', { API_PORT: '0' }).http.port).toBe(0);
  });

  it.each(['x', '-1', '65536', '80.5', '8080abc'])(
    'GIVEN API_PORT=%s THEN it is the one problem, with a valid example',
    (value) => {
      expect(problems('api', { API_PORT: value })).toEqual([
        { variable: 'API_PORT', message: 'must be a port number from 0 to 65535', example: '8080' },
      ]);
    },
  );

  it('GIVEN API_PORT set wrong THEN the services that do not read it ignore it', () => {
    expect(valid('worker', { API_PORT: 'x' }).http.port).toBe(DEFAULT_PORTS.worker);
    expect(valid('single-node', { API_PORT: 'x' }).http.port).toBe(DEFAULT_PORTS.singleNode);
  });

  it('THEN API_PORT is documented in its own area, read by the api service only', () => {
    expect(describeVariables().find((variable) => variable.name === 'API_PORT')).toMatchObject({
      area: 'API',
      default: '3000',
      services: ['api'],
      requiredBy: [],
    });
  });
});
