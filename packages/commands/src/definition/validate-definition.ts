import { AppError } from '@discord-bot/errors';
import {
  COMMAND_DESCRIPTION_MAX_LENGTH,
  COMMAND_NAME_PATTERN,
  COMMAND_OPTIONS_MAX,
  OPTION_CHOICES_MAX,
} from '../constants.js';
import type { CommandDefinition } from './command-definition.js';

/** A command definition Discord would reject; thrown at class definition time so it fails at start, not at registration. */
export class InvalidCommandDefinitionError extends AppError {
  public constructor(command: string, problem: string) {
    super('COMMAND_DEFINITION_INVALID', `command "${command}": ${problem}`, {
      details: { command, problem },
    });
  }
}

function checkNameAndDescription(owner: string, name: string, description: string): string | undefined {
  if (!COMMAND_NAME_PATTERN.test(name))
    return `name "${name}" must be 1-32 lowercase letters, digits, - or _`;
  if (description.length === 0 || description.length > COMMAND_DESCRIPTION_MAX_LENGTH) {
    return `description of "${owner}" must be 1-${COMMAND_DESCRIPTION_MAX_LENGTH} characters`;
  }
  return undefined;
}

/** Checks the rules Discord enforces on registration, and a few of our own (bounds that contradict). */
export function validateDefinition(definition: CommandDefinition): void {
  const fail = (problem: string): never => {
    throw new InvalidCommandDefinitionError(definition.name, problem);
  };
  const own = checkNameAndDescription(definition.name, definition.name, definition.description);
  if (own !== undefined) fail(own);
  if (definition.options.length > COMMAND_OPTIONS_MAX) fail(`at most ${COMMAND_OPTIONS_MAX} options`);

  const seen = new Set<string>();
  let optionalSeen = false;
  for (const option of definition.options) {
    const problem = checkNameAndDescription(option.name, option.name, option.description);
    if (problem !== undefined) fail(problem);
    if (seen.has(option.name)) fail(`option "${option.name}" is declared twice`);
    seen.add(option.name);
    if (option.required && optionalSeen)
      fail(`required option "${option.name}" must come before optional ones`);
    if (!option.required) optionalSeen = true;
    if ((option.choices?.length ?? 0) > OPTION_CHOICES_MAX)
      fail(`option "${option.name}" has over ${OPTION_CHOICES_MAX} choices`);
    if (option.choices !== undefined && option.autocomplete === true) {
      fail(`option "${option.name}" cannot have both choices and autocomplete`);
    }
    if (option.minValue !== undefined && option.maxValue !== undefined && option.minValue > option.maxValue) {
      fail(`option "${option.name}" has minValue above maxValue`);
    }
    if (
      option.minLength !== undefined &&
      option.maxLength !== undefined &&
      option.minLength > option.maxLength
    ) {
      fail(`option "${option.name}" has minLength above maxLength`);
    }
  }
}
