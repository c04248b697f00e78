import { UserError } from '@discord-bot/errors';
import type { Middleware } from '../pipeline/middleware.js';
import type { RateLimitStore } from '../rate-limit/rate-limit-store.js';

/** A number of uses per window. */
export interface RateLimitRule {
  readonly uses: number;
  readonly windowMs: number;
}

export interface RateLimitSettings {
  readonly store: RateLimitStore;
  /** Across all commands, per user. */
  readonly perUser?: RateLimitRule;
  /** Across all commands, per guild. */
  readonly perGuild?: RateLimitRule;
}

function refuse(retryAfterMs: number): never {
  throw new UserError('RATE_LIMITED', { seconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
}

/**
 * Per-user and per-guild limits across all commands, then the command's own `@Cooldown` per user.
 * Autocomplete requests are not counted: Discord sends one per keystroke.
 */
export function rateLimit(settings: RateLimitSettings): Middleware {
  return async (context, next) => {
    const { invocation, definition } = context;
    if (invocation.kind !== 'autocomplete') {
      if (settings.perUser !== undefined) {
        const { uses, windowMs } = settings.perUser;
        const decision = await settings.store.hit(`user:${invocation.userId}`, uses, windowMs);
        if (!decision.allowed) refuse(decision.retryAfterMs);
      }
      if (settings.perGuild !== undefined && invocation.guildId !== null) {
        const { uses, windowMs } = settings.perGuild;
        const decision = await settings.store.hit(`guild:${invocation.guildId}`, uses, windowMs);
        if (!decision.allowed) refuse(decision.retryAfterMs);
      }
      if (definition.cooldown !== undefined) {
        const { uses, windowMs } = definition.cooldown;
        const key = `cooldown:${definition.name}:${invocation.userId}`;
        const decision = await settings.store.hit(key, uses, windowMs);
        if (!decision.allowed) refuse(decision.retryAfterMs);
      }
    }
    await next();
  };
}
