import { UserError, err, ok, type Result } from '@discord-bot/errors';
import { STRING_OPTION_MAX_LENGTH } from '../constants.js';
import type { OptionDefinition } from '../definition/option-definition.js';
import { ParsedOptions } from '../invocation/parsed-options.js';
import type { Middleware } from '../pipeline/middleware.js';

type Raw = string | number | boolean;

function checkType(option: OptionDefinition, value: Raw): Result<Raw, string> {
  switch (option.kind) {
    case 'string':
    case 'user':
    case 'channel':
    case 'role':
      if (typeof value !== 'string') return err(`${option.name} must be text`);
      if (option.kind !== 'string' && !/^\d{1,20}$/.test(value))
        return err(`${option.name} must be a ${option.kind}`);
      return ok(value);
    case 'integer':
    case 'number': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isFinite(number))
        return err(`${option.name} must be a number`);
      if (option.kind === 'integer' && !Number.isInteger(number))
        return err(`${option.name} must be a whole number`);
      return ok(number);
    }
    case 'boolean':
      if (typeof value === 'boolean') return ok(value);
      if (value === 'true' || value === 'false') return ok(value === 'true');
      return err(`${option.name} must be true or false`);
  }
}

function checkBounds(option: OptionDefinition, value: Raw): string | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    const max = Math.min(option.maxLength ?? STRING_OPTION_MAX_LENGTH, STRING_OPTION_MAX_LENGTH);
    if (text.length < (option.minLength ?? (option.required ? 1 : 0))) {
      return option.required && text.length === 0
        ? `${option.name} cannot be empty`
        : `${option.name} must be at least ${option.minLength} characters`;
    }
    if (text.length > max) return `${option.name} must be at most ${max} characters`;
  }
  if (typeof value === 'number') {
    if (option.minValue !== undefined && value < option.minValue) {
      return `${option.name} must be between ${option.minValue} and ${option.maxValue ?? 'any'}`;
    }
    if (option.maxValue !== undefined && value > option.maxValue) {
      return `${option.name} must be between ${option.minValue ?? 'any'} and ${option.maxValue}`;
    }
  }
  if (option.choices !== undefined && !option.choices.some((choice) => choice.value === value)) {
    return `${option.name} must be one of ${option.choices.map((c) => c.name).join(', ')}`;
  }
  return undefined;
}

/**
 * Checks every option against its declaration before any handler sees it: Discord validates in its client,
 * but the API, buttons and crafted requests do not go through that, so nothing is trusted. Strings are trimmed.
 * Autocomplete requests skip the checks (the user is still typing).
 */
export function validateOptions(): Middleware {
  return async (context, next) => {
    const { invocation, definition } = context;
    const values = new Map<string, unknown>();
    for (const option of definition.options) {
      const raw = invocation.rawOptions[option.name];
      if (invocation.kind === 'autocomplete') {
        if (raw !== undefined) values.set(option.name, raw);
        continue;
      }
      if (raw === undefined || (typeof raw === 'string' && raw.trim() === '' && !option.required)) {
        if (option.required) throw new UserError('INVALID_INPUT', { reason: `${option.name} is required` });
        continue;
      }
      const typed = checkType(option, raw);
      if (!typed.ok) throw new UserError('INVALID_INPUT', { reason: typed.error });
      const value = typeof typed.value === 'string' ? typed.value.trim() : typed.value;
      const problem = checkBounds(option, value);
      if (problem !== undefined) throw new UserError('INVALID_INPUT', { reason: problem });
      if (option.parse === undefined) {
        values.set(option.name, value);
        continue;
      }
      const parsed = option.parse(value);
      if (!parsed.ok) throw new UserError('INVALID_INPUT', { reason: parsed.error });
      values.set(option.name, parsed.value);
    }
    context.options = new ParsedOptions(values);
    await next();
  };
}
