import type {
  APIApplicationCommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { PermissionBits } from '../constants.js';
import type { CommandDefinition } from '../definition/command-definition.js';
import { OptionKind, type OptionDefinition } from '../definition/option-definition.js';

const CHAT_INPUT = 1;
const GUILD_CONTEXT = 0;

function optionJSON(option: OptionDefinition): APIApplicationCommandOption {
  const json: Record<string, unknown> = {
    type: OptionKind[option.kind],
    name: option.name,
    description: option.description,
    required: option.required,
  };
  if (option.autocomplete === true) json['autocomplete'] = true;
  if (option.choices !== undefined)
    json['choices'] = option.choices.map((c) => ({ name: c.name, value: c.value }));
  if (option.minValue !== undefined) json['min_value'] = option.minValue;
  if (option.maxValue !== undefined) json['max_value'] = option.maxValue;
  if (option.minLength !== undefined) json['min_length'] = option.minLength;
  if (option.maxLength !== undefined) json['max_length'] = option.maxLength;
  // The shape is built field by field above; discord-api-types models it as a union per option type.
  return json as unknown as APIApplicationCommandOption;
}

/** Discord's JSON for one command definition (`PUT /applications/{app}/commands` body element). */
export function commandJSON(definition: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const json: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    type: CHAT_INPUT,
    name: definition.name,
    description: definition.description,
    options: definition.options.map(optionJSON),
  };
  if (definition.permissions.includes('guild')) json.contexts = [GUILD_CONTEXT];
  const discordBits = definition.permissions
    .map((p) => (typeof p === 'object' ? PermissionBits[p.discord] : 0n))
    .reduce((all, bit) => all | bit, 0n);
  // Hide the command from members who lack the right anyway; the pipeline still checks at run time.
  if (discordBits !== 0n) json.default_member_permissions = discordBits.toString();
  return json;
}
