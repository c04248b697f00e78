import { createHash } from 'node:crypto';
import { AppError } from '@discord-bot/errors';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { getCommandDefinition } from '../decorators/metadata-store.js';
import type { CommandDefinition } from '../definition/command-definition.js';
import type { CommandHandler } from '../handler.js';
import { commandJSON } from './discord-json.js';

/** A handler with the definition its decorators declared. */
export interface RegisteredCommand {
  readonly definition: CommandDefinition;
  readonly handler: CommandHandler;
}

/** Holds every command of the bot; builds the JSON Discord registers and a fingerprint of it. */
export class CommandRegistry {
  readonly #commands = new Map<string, RegisteredCommand>();

  /**
   * Adds handler instances whose classes carry `@Command`.
   * @throws AppError `COMMAND_NOT_DECORATED` or `COMMAND_DUPLICATE` (programming errors, found at start).
   */
  public register(...handlers: CommandHandler[]): this {
    for (const handler of handlers) {
      const definition = getCommandDefinition(handler.constructor as abstract new () => unknown);
      if (definition === undefined) {
        throw new AppError('COMMAND_NOT_DECORATED', `${handler.constructor.name} has no @Command decorator`);
      }
      if (this.#commands.has(definition.name)) {
        throw new AppError('COMMAND_DUPLICATE', `two handlers for /${definition.name}`);
      }
      this.#commands.set(definition.name, { definition, handler });
    }
    return this;
  }

  public get(name: string): RegisteredCommand | undefined {
    return this.#commands.get(name);
  }

  public list(): readonly RegisteredCommand[] {
    return [...this.#commands.values()];
  }

  /** The body of a bulk overwrite, sorted by name so it is stable. */
  public toDiscordJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
    return this.list()
      .map((command) => commandJSON(command.definition))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A hash of {@link toDiscordJSON}: register at start only when it differs from the last one registered. */
  public fingerprint(): string {
    return createHash('sha256').update(JSON.stringify(this.toDiscordJSON())).digest('hex');
  }
}
