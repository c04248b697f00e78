import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactDeep, REDACTED, withContext } from '@discord-bot/logger';

function capture(pretty = false): { lines: () => string; log: ReturnType<typeof createLogger> } {
  let out = '';
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  return { lines: () => out, log: createLogger({ service: 'test', level: 'debug', pretty, destination }) };
}

describe('logger redaction', () => {
  it('GIVEN secrets at the top level THEN none reaches the output', () => {
    const { log, lines } = capture();
    log.info({ token: 'tok-123456', password: 'hunter2', apiKey: 'key-abc', webhookSecret: 'whsec' }, 'x');
    expect(lines()).not.toMatch(/tok-123456|hunter2|key-abc|whsec/);
    expect(lines()).toContain(REDACTED);
  });

  it('GIVEN secrets nested in objects and arrays THEN they are redacted at any depth', () => {
    const { log, lines } = capture();
    log.info(
      { request: { headers: { Authorization: 'Bot sekrit-token-value' } }, list: [{ api_key: 'k1' }] },
      'req',
    );
    expect(lines()).not.toMatch(/sekrit-token-value|"k1"/);
  });

  it('GIVEN an error whose cause carries a secret THEN the cause is redacted and the message kept', () => {
    const { log, lines } = capture();
    const cause = Object.assign(new Error('inner'), { config: { password: 'pw-in-cause' } });
    log.error({ err: new Error('outer failure', { cause }) }, 'failed');
    expect(lines()).toContain('outer failure');
    expect(lines()).toContain('inner');
    expect(lines()).not.toContain('pw-in-cause');
  });

  it('GIVEN a token inside free text or a URL THEN it is masked', () => {
    const { log, lines } = capture();
    log.warn('login with Bot abcdefghijklmnop failed for redis://user:pa55word@host:6379');
    expect(lines()).not.toMatch(/abcdefghijklmnop|pa55word/);
  });

  it('GIVEN a child logger bound with a token THEN the binding is redacted', () => {
    const { log, lines } = capture();
    log.child({ token: 'bound-token' }).info('hi');
    expect(lines()).not.toContain('bound-token');
  });

  it('GIVEN pretty output THEN secrets are redacted too', () => {
    const { log, lines } = capture(true);
    log.info({ password: 'pretty-secret' }, 'pretty');
    expect(lines()).toContain('pretty');
    expect(lines()).not.toContain('pretty-secret');
  });

  it('GIVEN a circular object THEN redaction terminates', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a['self'] = a;
    expect(redactDeep(a)).toEqual({ name: 'a', self: '[circular]' });
  });

  it('GIVEN withContext THEN guildId and correlationId are on every line', () => {
    const { log, lines } = capture();
    withContext(log, { guildId: '42', correlationId: 'c-1' }).info('scoped');
    const line = JSON.parse(lines()) as Record<string, unknown>;
    expect(line).toMatchObject({ service: 'test', guildId: '42', correlationId: 'c-1', msg: 'scoped' });
  });
});
