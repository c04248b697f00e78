import { DEFAULT_PORTS, type ServiceName } from '@discord-bot/config';
import { describe, expect, it } from 'vitest';
import { problems, valid } from './support.js';

const PORT_VARIABLE = {
  gateway: ['GATEWAY_PORT', DEFAULT_PORTS.gateway],
  audio: ['AUDIO_PORT', DEFAULT_PORTS.audio],
  'single-node': ['PORT', DEFAULT_PORTS.singleNode],
} as const satisfies Partial<Record<ServiceName, readonly [string, number]>>;

describe.each(Object.entries(PORT_VARIABLE))('%s HTTP server', (name, [variable, defaultPort]) => {
  const service = name as keyof typeof PORT_VARIABLE;

  it(`GIVEN nothing set THEN it listens on 127.0.0.1:${defaultPort}`, () => {
    expect(valid(service).http).toEqual({ host: '127.0.0.1', port: defaultPort });
  });

  it(`GIVEN ${variable} and HTTP_HOST THEN they are used (0 = any free port)`, () => {
    expect(valid(service, { [variable]: '8089', HTTP_HOST: '0.0.0.0' }).http).toEqual({
      host: '0.0.0.0',
      port: 8089,
    });
    expect(valid(service, { [variable]: '0' }).http.port).toBe(0);
  });

  it.each(['x', '-1', '65536', '80.5'])(
    `GIVEN ${variable}=%s THEN it is refused with an example`,
    (value) => {
      const [problem] = problems(service, { [variable]: value });
      expect(problem).toMatchObject({ variable, message: 'must be a port number from 0 to 65535' });
      expect(problem?.example).toMatch(/^\d+$/);
    },
  );
});

describe('ports of other services', () => {
  it('GIVEN another service port set wrong THEN a service that does not read it ignores it', () => {
    expect(valid('worker', { GATEWAY_PORT: 'x' }).http.port).toBe(DEFAULT_PORTS.worker);
  });
});
