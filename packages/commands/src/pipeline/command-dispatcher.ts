import { randomUUID } from 'node:crypto';
import { UserError } from '@discord-bot/errors';
import { withContext, type Logger } from '@discord-bot/logger';
import type { CommandInvocation } from '../invocation/command-invocation.js';
import { CommandContext } from '../invocation/command-context.js';
import type { CommandRegistry } from '../registry/command-registry.js';
import { renderError, type ErrorTranslator } from '../rendering/render-error.js';
import { composeMiddleware, type Middleware } from './middleware.js';

/** Autocomplete answers are capped by Discord. */
const AUTOCOMPLETE_CHOICES_MAX = 25;

export interface CommandDispatcherOptions {
  readonly registry: CommandRegistry;
  /** Run in order around every handler, e.g. logging, rate limits, validation, permissions, premium gate. */
  readonly middleware: readonly Middleware[];
  readonly logger: Logger;
  readonly translateError?: ErrorTranslator;
  /** Supplies the correlation id (e.g. from the interaction); random by default. */
  readonly correlationId?: (invocation: CommandInvocation) => string;
  /** Called with each outcome for metrics. */
  readonly onOutcome?: (outcome: {
    command: string;
    kind: string;
    /** A user-error code, an internal error code, or `OK`. */ code: string;
    ms: number;
  }) => void;
}

/**
 * Routes an invocation to its handler through the middleware, and guarantees an answer: commands marked
 * `defer` are deferred before anything slow happens, and every error ends as one ephemeral message from
 * {@link renderError}. Nothing thrown escapes `dispatch`.
 */
export class CommandDispatcher {
  readonly #options: CommandDispatcherOptions;
  readonly #pipeline: (context: CommandContext) => Promise<void>;

  public constructor(options: CommandDispatcherOptions) {
    this.#options = options;
    this.#pipeline = composeMiddleware(options.middleware, async (context) => {
      const command = options.registry.get(context.definition.name);
      if (command === undefined) throw new UserError('NOT_FOUND', { what: 'command' });
      if (context.invocation.kind === 'autocomplete') {
        const focused = context.invocation.focusedOption ?? '';
        const value = String(context.invocation.rawOptions[focused] ?? '');
        const choices = (await command.handler.autocomplete?.(context, { name: focused, value })) ?? [];
        await context.invocation.respondChoices(choices.slice(0, AUTOCOMPLETE_CHOICES_MAX));
        return;
      }
      await command.handler.execute(context);
    });
  }

  public async dispatch(invocation: CommandInvocation): Promise<void> {
    const started = performance.now();
    const command = this.#options.registry.get(invocation.commandName);
    // The acknowledgement goes first: the request must leave before the logger, the context or anything else
    // is built, since Discord's 3 s (and the user's wait for "thinking...") count until it arrives.
    let deferFailure: { error: unknown } | undefined;
    if (command?.definition.defer === true && invocation.kind === 'command' && !invocation.responded) {
      try {
        await invocation.defer({ ephemeral: command.definition.ephemeral === true });
      } catch (error) {
        deferFailure = { error };
      }
    }

    const correlationId = this.#options.correlationId?.(invocation) ?? randomUUID();
    const logger = withContext(this.#options.logger, {
      correlationId,
      ...(invocation.guildId === null ? {} : { guildId: invocation.guildId }),
    });
    if (command === undefined) {
      logger.warn({ command: invocation.commandName }, 'unknown command');
      await this.#answerError(
        invocation,
        new UserError('NOT_FOUND', { what: 'command' }),
        correlationId,
        logger,
      );
      this.#report(invocation, 'NOT_FOUND', started);
      return;
    }

    const context = new CommandContext({ invocation, definition: command.definition, correlationId, logger });
    try {
      if (deferFailure !== undefined) throw deferFailure.error;
      await this.#pipeline(context);
      this.#report(invocation, 'OK', started);
    } catch (error) {
      const code = await this.#answerError(invocation, error, correlationId, logger, context);
      this.#report(invocation, code, started);
    }
  }

  #report(invocation: CommandInvocation, code: string, started: number): void {
    this.#options.onOutcome?.({
      command: invocation.commandName,
      kind: invocation.kind,
      code,
      ms: performance.now() - started,
    });
  }

  async #answerError(
    invocation: CommandInvocation,
    error: unknown,
    correlationId: string,
    logger: Logger,
    context?: CommandContext,
  ): Promise<string> {
    const rendered = renderError(error, correlationId, this.#options.translateError);
    if (rendered.expected) logger.info({ code: rendered.code }, 'command refused');
    else logger.error({ err: error, code: rendered.code }, 'command failed');
    try {
      if (invocation.kind === 'autocomplete') await invocation.respondChoices([]);
      else if (context !== undefined) await context.respond(rendered.message);
      else if (invocation.responded) await invocation.editReply(rendered.message);
      else await invocation.reply(rendered.message);
    } catch (replyError) {
      // The interaction may have expired or been deleted; nothing more can be shown to the user.
      logger.warn({ err: replyError }, 'could not deliver the error message');
    }
    return rendered.code;
  }
}
