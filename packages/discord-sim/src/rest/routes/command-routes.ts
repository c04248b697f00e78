import { err, ok, type Result } from '@discord-bot/errors';
import { DiscordErrors, fieldError, type RestFailure } from '../../model/discord-error.js';
import type { JsonObject, SimCommand } from '../../model/entities.js';
import { commandJson } from '../../model/serialize.js';
import {
  failed,
  json,
  noContent,
  route,
  type RestDeps,
  type RestRequest,
  type RestRoute,
} from '../rest-route.js';

const NAME_PATTERN = /^[-_\p{L}\p{N}]{1,32}$/u;
const MAX_COMMANDS = 100;
const WRITE_BUCKET = { limit: 5, windowMs: 20_000 };

function checkDefinition(value: unknown, index: number | null): Result<JsonObject, RestFailure> {
  const at = (field: string) => (index === null ? [field] : [String(index), field]);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err(
      fieldError(index === null ? ['_root'] : [String(index)], 'MODEL_TYPE_CONVERT', 'Must be an object.'),
    );
  }
  const definition = value as JsonObject;
  const type = definition['type'] ?? 1;
  const name = definition['name'];
  if (typeof name !== 'string' || !NAME_PATTERN.test(name) || (type === 1 && name !== name.toLowerCase())) {
    return err(fieldError(at('name'), 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid'));
  }
  const description = definition['description'];
  if (type === 1 && (typeof description !== 'string' || description.length < 1 || description.length > 100)) {
    return err(fieldError(at('description'), 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.'));
  }
  return ok({ ...definition, type });
}

/** Application commands: bulk overwrite, create, read, delete; global and per guild. */
export function commandRoutes(deps: RestDeps): RestRoute[] {
  const { store } = deps;

  const scope = (req: RestRequest): Result<{ appId: string; guildId: string | null }, RestFailure> => {
    const appId = req.params['appId'] ?? '';
    if (req.app?.id !== appId) return err(DiscordErrors.missingAccess());
    const guildId = req.params['guildId'] ?? null;
    if (guildId !== null && !store.guilds.has(guildId)) return err(DiscordErrors.unknownGuild());
    return ok({ appId, guildId });
  };

  const upsert = (appId: string, guildId: string | null, definition: JsonObject): SimCommand => {
    const existing = store
      .commandsOf(appId, guildId)
      .find((c) => c.name === definition['name'] && c.type === definition['type']);
    const command: SimCommand = {
      id: existing?.id ?? store.ids.next(),
      applicationId: appId,
      guildId,
      name: String(definition['name']),
      type: Number(definition['type']),
      version: store.ids.next(),
      definition,
    };
    store.commands.set(command.id, command);
    return command;
  };

  const list = (req: RestRequest) => {
    const s = scope(req);
    if (!s.ok) return failed(s.error);
    return json(store.commandsOf(s.value.appId, s.value.guildId).map(commandJson));
  };

  const overwrite = (req: RestRequest) => {
    const s = scope(req);
    if (!s.ok) return failed(s.error);
    if (!Array.isArray(req.body))
      return failed(fieldError(['_root'], 'BASE_TYPE_ARRAY', 'Must be an array.'));
    if (req.body.length > MAX_COMMANDS) {
      return failed(
        fieldError(['_root'], 'BASE_TYPE_MAX_LENGTH', `Must be ${MAX_COMMANDS} or fewer in length.`),
      );
    }
    const definitions: JsonObject[] = [];
    const seen = new Set<string>();
    for (const [i, item] of req.body.entries()) {
      const checked = checkDefinition(item, i);
      if (!checked.ok) return failed(checked.error);
      const key = `${String(checked.value['type'])}:${String(checked.value['name'])}`;
      if (seen.has(key)) {
        return failed(
          fieldError(
            [String(i), 'name'],
            'APPLICATION_COMMANDS_DUPLICATE_NAME',
            'Application command names must be unique',
          ),
        );
      }
      seen.add(key);
      definitions.push(checked.value);
    }
    const kept = new Set<string>();
    const commands = definitions.map((d) => upsert(s.value.appId, s.value.guildId, d));
    for (const command of commands) kept.add(command.id);
    for (const command of store.commandsOf(s.value.appId, s.value.guildId)) {
      if (!kept.has(command.id)) store.commands.delete(command.id);
    }
    return json(commands.map(commandJson));
  };

  const create = (req: RestRequest) => {
    const s = scope(req);
    if (!s.ok) return failed(s.error);
    const checked = checkDefinition(req.body, null);
    if (!checked.ok) return failed(checked.error);
    const existed = store
      .commandsOf(s.value.appId, s.value.guildId)
      .some((c) => c.name === checked.value['name']);
    return json(commandJson(upsert(s.value.appId, s.value.guildId, checked.value)), existed ? 200 : 201);
  };

  const one = (req: RestRequest): Result<SimCommand, RestFailure> => {
    const s = scope(req);
    if (!s.ok) return s;
    const command = store.commands.get(req.params['commandId'] ?? '');
    if (command?.applicationId !== s.value.appId || command.guildId !== s.value.guildId) {
      return err(DiscordErrors.unknownCommand());
    }
    return ok(command);
  };

  const get = (req: RestRequest) => {
    const command = one(req);
    return command.ok ? json(commandJson(command.value)) : failed(command.error);
  };

  const remove = (req: RestRequest) => {
    const command = one(req);
    if (!command.ok) return failed(command.error);
    store.commands.delete(command.value.id);
    return noContent();
  };

  const routes: RestRoute[] = [];
  for (const base of ['/applications/:appId/commands', '/applications/:appId/guilds/:guildId/commands']) {
    const major = base.includes(':guildId') ? ['guildId'] : ['appId'];
    routes.push(
      route('GET', base, { major }, list),
      route('PUT', base, { major, bucket: WRITE_BUCKET }, overwrite),
      route('POST', base, { major, bucket: WRITE_BUCKET }, create),
      route('GET', `${base}/:commandId`, { major }, get),
      route('DELETE', `${base}/:commandId`, { major, bucket: WRITE_BUCKET }, remove),
    );
  }
  return routes;
}
