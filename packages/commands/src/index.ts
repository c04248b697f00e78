export * from './constants.js';
export type {
  CommandDefinition,
  CooldownDefinition,
  PermissionRequirement,
} from './definition/command-definition.js';
export {
  OptionKind,
  type OptionChoice,
  type OptionDefinition,
  type OptionKindName,
  type OptionValueByKind,
} from './definition/option-definition.js';
export { InvalidCommandDefinitionError, validateDefinition } from './definition/validate-definition.js';
export { Command, type CommandOptions } from './decorators/command.js';
export { Option, type NumericOptionSettings, type StringOptionSettings } from './decorators/option.js';
export { Cooldown, Permission, Premium } from './decorators/permission.js';
export { getCommandDefinition } from './decorators/metadata-store.js';
export type { CommandHandler } from './handler.js';
export type {
  AutocompleteChoice,
  CommandInvocation,
  InvokingMember,
  ReplyMessage,
} from './invocation/command-invocation.js';
export { CommandContext } from './invocation/command-context.js';
export { ParsedOptions } from './invocation/parsed-options.js';
export { CommandRegistry, type RegisteredCommand } from './registry/command-registry.js';
export { commandJSON } from './registry/discord-json.js';
export { composeMiddleware, type Middleware } from './pipeline/middleware.js';
export { CommandDispatcher, type CommandDispatcherOptions } from './pipeline/command-dispatcher.js';
export { validateOptions } from './middleware/validate-options.js';
export { checkPermissions, type GuildPolicy } from './middleware/check-permissions.js';
export { premiumGate, type PremiumPolicy } from './middleware/premium-gate.js';
export { rateLimit, type RateLimitRule, type RateLimitSettings } from './middleware/rate-limit.js';
export { logInvocations } from './middleware/log-invocations.js';
export type { RateLimitDecision, RateLimitStore } from './rate-limit/rate-limit-store.js';
export { MemoryRateLimitStore } from './rate-limit/memory-rate-limit-store.js';
export { RedisRateLimitStore } from './rate-limit/redis-rate-limit-store.js';
export { renderError, type ErrorTranslator, type RenderedError } from './rendering/render-error.js';
export { parseTimestamp } from './parsing/parse-timestamp.js';
