import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../src/model/message-validation.js';

describe('validateMessage', () => {
  it('GIVEN a valid message with an embed and a button row THEN it passes unchanged', () => {
    const body = {
      content: 'hi',
      embeds: [{ title: 'Now playing', fields: [{ name: 'By', value: 'Someone' }] }],
      components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'skip', label: 'Skip' }] }],
    };
    expect(validateMessage(body, true)).toEqual({ ok: true, value: body });
  });

  it('GIVEN six action rows and a select without options THEN both errors are reported at their paths', () => {
    const row = { type: 1, components: [{ type: 2, style: 5, url: 'https://example.com', label: 'Open' }] };
    const result = validateMessage(
      {
        components: [
          ...Array.from({ length: 5 }, () => row),
          { type: 1, components: [{ type: 3, custom_id: 's', options: [] }] },
        ],
      },
      true,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(50035);
    expect(result.error.errors).toMatchObject({
      components: {
        _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }],
        '5': { components: { '0': { options: expect.any(Object) as object } } },
      },
    });
  });

  it('GIVEN an edit with no fields THEN it is accepted, but a new message needs something to show', () => {
    expect(validateMessage({}, false).ok).toBe(true);
    expect(validateMessage({ content: '' }, true)).toEqual({
      ok: false,
      error: { code: 50006, message: 'Cannot send an empty message' },
    });
  });

  it('GIVEN flags that are not an integer THEN the flags path fails', () => {
    const result = validateMessage({ content: 'x', flags: 'loud' }, true);
    expect(result.ok ? null : result.error.errors).toMatchObject({
      flags: { _errors: [{ code: 'NUMBER_TYPE_COERCE' }] },
    });
  });
});
