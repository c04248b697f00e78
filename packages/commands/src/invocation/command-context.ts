import type { Logger } from '@discord-bot/logger';
import type { CommandDefinition } from '../definition/command-definition.js';
import type { CommandInvocation, ReplyMessage } from './command-invocation.js';
import { ParsedOptions } from './parsed-options.js';

/** What a handler and every middleware see for one invocation. */
export class CommandContext {
  public readonly invocation: CommandInvocation;
  public readonly definition: CommandDefinition;
  public readonly correlationId: string;
  public readonly logger: Logger;
  /** Set by the validation middleware; empty before it runs. */
  public options: ParsedOptions = new ParsedOptions();
  /** Scratch space for middleware to hand facts to later steps (e.g. the guild's DJ role). */
  public readonly state = new Map<string, unknown>();

  public constructor(init: {
    invocation: CommandInvocation;
    definition: CommandDefinition;
    correlationId: string;
    logger: Logger;
  }) {
    this.invocation = init.invocation;
    this.definition = init.definition;
    this.correlationId = init.correlationId;
    this.logger = init.logger;
  }

  public get guildId(): string | null {
    return this.invocation.guildId;
  }

  public get userId(): string {
    return this.invocation.userId;
  }

  /**
   * Answers the invocation whatever state it is in: the first reply, or an edit of the deferred one. An
   * ephemeral answer after a public defer goes out as an ephemeral follow-up so it stays private.
   */
  public async respond(message: ReplyMessage): Promise<void> {
    const { invocation } = this;
    if (!invocation.responded) return invocation.reply(message);
    if (invocation.deferred && message.ephemeral === true && this.definition.ephemeral !== true) {
      return invocation.followUp(message);
    }
    return invocation.editReply(message);
  }
}
