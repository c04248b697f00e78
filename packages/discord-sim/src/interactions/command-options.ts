import { err, ok, type Result } from '@discord-bot/errors';
import type { JsonObject } from '../model/entities.js';
import { channelJson, memberJson, roleJson, userJson } from '../model/serialize.js';
import type { SimStore } from '../model/sim-store.js';

/** Application command option types (Discord's numbers). */
const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
} as const;

export type OptionValue = string | number | boolean;

export interface BuiltOptions {
  readonly options: JsonObject[];
  readonly resolved: JsonObject;
}

interface Resolved {
  users: JsonObject;
  members: JsonObject;
  channels: JsonObject;
  roles: JsonObject;
}

function defsOf(value: unknown): JsonObject[] {
  return Array.isArray(value)
    ? value.filter((o): o is JsonObject => typeof o === 'object' && o !== null)
    : [];
}

function convert(
  store: SimStore,
  guildId: string,
  def: JsonObject,
  value: OptionValue,
  resolved: Resolved,
): Result<OptionValue, string> {
  const name = String(def['name']);
  switch (def['type']) {
    case OptionType.String:
      return ok(String(value));
    case OptionType.Integer:
    case OptionType.Number: {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n) || (def['type'] === OptionType.Integer && !Number.isInteger(n))) {
        return err(`option ${name} needs a ${def['type'] === OptionType.Integer ? 'whole ' : ''}number`);
      }
      return ok(n);
    }
    case OptionType.Boolean:
      if (typeof value === 'boolean') return ok(value);
      if (value === 'true' || value === 'false') return ok(value === 'true');
      return err(`option ${name} needs true or false`);
    case OptionType.User:
    case OptionType.Mentionable: {
      const id = String(value);
      const user = store.users.get(id);
      if (user !== undefined) {
        resolved.users[id] = userJson(user);
        const member = store.member(guildId, id);
        if (member !== undefined) resolved.members[id] = memberJson(store, member, false);
        return ok(id);
      }
      const role = def['type'] === OptionType.Mentionable ? store.roles.get(id) : undefined;
      if (role === undefined) return err(`option ${name}: unknown user ${id}`);
      resolved.roles[id] = roleJson(role);
      return ok(id);
    }
    case OptionType.Channel: {
      const channel = store.channels.get(String(value));
      if (channel?.guildId !== guildId) return err(`option ${name}: unknown channel ${String(value)}`);
      resolved.channels[channel.id] = { ...channelJson(channel), permissions: '0' };
      return ok(channel.id);
    }
    case OptionType.Role: {
      const role = store.roles.get(String(value));
      if (role?.guildId !== guildId) return err(`option ${name}: unknown role ${String(value)}`);
      resolved.roles[role.id] = roleJson(role);
      return ok(role.id);
    }
    default:
      return err(`option ${name} has a type the simulator does not fill (${String(def['type'])})`);
  }
}

function leafOptions(
  store: SimStore,
  guildId: string,
  defs: JsonObject[],
  input: Readonly<Record<string, OptionValue>>,
  focused: string | undefined,
  resolved: Resolved,
): Result<JsonObject[], string> {
  const out: JsonObject[] = [];
  for (const [name, value] of Object.entries(input)) {
    const def = defs.find((d) => d['name'] === name);
    if (def === undefined) return err(`unknown option ${name}`);
    if (name === focused) {
      if (def['autocomplete'] !== true) return err(`option ${name} does not use autocomplete`);
      out.push({ type: def['type'], name, value: String(value), focused: true });
      continue;
    }
    const converted = convert(store, guildId, def, value, resolved);
    if (!converted.ok) return converted;
    out.push({ type: def['type'], name, value: converted.value });
  }
  if (focused !== undefined && !(focused in input)) {
    const def = defs.find((d) => d['name'] === focused);
    if (def?.['autocomplete'] !== true) return err(`option ${focused} does not use autocomplete`);
    out.push({ type: def['type'], name: focused, value: '', focused: true });
  }
  if (focused === undefined) {
    const missing = defs.find((d) => d['required'] === true && !(String(d['name']) in input));
    if (missing !== undefined) return err(`missing required option ${String(missing['name'])}`);
  }
  return ok(out);
}

/**
 * Turns `{name: value}` into the typed option tree Discord sends for a registered command, with the
 * `resolved` users, members, channels and roles. `subcommand` is `"sub"` or `"group sub"`.
 */
export function buildCommandOptions(
  store: SimStore,
  guildId: string,
  definition: JsonObject,
  input: Readonly<Record<string, OptionValue>>,
  subcommand: string | undefined,
  focused: string | undefined,
): Result<BuiltOptions, string> {
  const resolved: Resolved = { users: {}, members: {}, channels: {}, roles: {} };
  let defs = defsOf(definition['options']);
  const path = subcommand === undefined ? [] : subcommand.trim().split(/\s+/);
  const wrappers: JsonObject[] = [];
  for (const [i, part] of path.entries()) {
    const wanted = i === path.length - 1 ? OptionType.Subcommand : OptionType.SubcommandGroup;
    const def = defs.find((d) => d['name'] === part && d['type'] === wanted);
    if (def === undefined) return err(`unknown subcommand ${path.slice(0, i + 1).join(' ')}`);
    wrappers.push({ type: wanted, name: part });
    defs = defsOf(def['options']);
  }
  if (
    path.length === 0 &&
    defs.some((d) => d['type'] === OptionType.Subcommand || d['type'] === OptionType.SubcommandGroup)
  ) {
    return err('this command needs a subcommand');
  }
  const leaves = leafOptions(store, guildId, defs, input, focused, resolved);
  if (!leaves.ok) return leaves;
  let options = leaves.value;
  for (const wrapper of wrappers.reverse()) options = [{ ...wrapper, options }];
  const resolvedJson: JsonObject = {};
  for (const [key, value] of Object.entries(resolved)) {
    if (Object.keys(value as JsonObject).length > 0) resolvedJson[key] = value;
  }
  return ok({ options, resolved: resolvedJson });
}
