import {
  CommandDispatcher,
  CommandRegistry,
  checkPermissions,
  logInvocations,
  premiumGate,
  rateLimit,
  validateOptions,
  type GuildPolicy,
  type PremiumPolicy,
  type RateLimitStore,
} from '@discord-bot/commands';
import type { Logger } from '@discord-bot/logger';
import { musicCommands } from './music-commands.js';
import type { PlayerServices } from './player-services.js';

/** Options of {@link createCommandDispatcher}. */
export interface GatewayDispatcherOptions {
  readonly services: PlayerServices;
  readonly logger: Logger;
  readonly rateLimits: RateLimitStore;
  readonly guildPolicy: GuildPolicy;
  readonly premiumPolicy: PremiumPolicy;
  readonly onOutcome?: (outcome: { command: string; kind: string; code: string; ms: number }) => void;
}

/** Per-user limit across all commands. */
const PER_USER = { uses: 10, windowMs: 10_000 } as const;
/** Per-guild limit across all commands. */
const PER_GUILD = { uses: 60, windowMs: 10_000 } as const;

/**
 * The registry of every music command and the dispatcher that runs slash commands, autocomplete and buttons
 * through one pipeline: log, rate limits, option validation, permissions, premium gate. Each invocation's
 * correlation id is its interaction id.
 */
export function createCommandDispatcher(options: GatewayDispatcherOptions): {
  registry: CommandRegistry;
  dispatcher: CommandDispatcher;
} {
  const registry = new CommandRegistry().register(...musicCommands(options.services));
  const dispatcher = new CommandDispatcher({
    registry,
    logger: options.logger,
    middleware: [
      logInvocations(),
      rateLimit({ store: options.rateLimits, perUser: PER_USER, perGuild: PER_GUILD }),
      validateOptions(),
      checkPermissions(options.guildPolicy),
      premiumGate(options.premiumPolicy),
    ],
    // The interaction id: the gateway's lines, the audio service's (it travels as the bus command's
    // correlation id) and the interaction Discord shows all join on one id.
    correlationId: (invocation) => invocation.id,
    ...(options.onOutcome === undefined ? {} : { onOutcome: options.onOutcome }),
  });
  return { registry, dispatcher };
}
