import { UserError } from '@discord-bot/errors';
import type { Middleware } from '../pipeline/middleware.js';

/** Answers whether a guild may use a paid feature, and which tier would unlock it. */
export interface PremiumPolicy {
  allows(
    guildId: string,
    feature: string,
  ): Promise<{ readonly allowed: true } | { readonly allowed: false; readonly tier: string }>;
}

/** Stops commands marked `@Premium(feature)` in guilds whose subscription does not include the feature. */
export function premiumGate(policy: PremiumPolicy): Middleware {
  return async (context, next) => {
    const feature = context.definition.premiumFeature;
    const { guildId } = context.invocation;
    if (feature !== undefined && guildId !== null && context.invocation.kind !== 'autocomplete') {
      const decision = await policy.allows(guildId, feature);
      if (!decision.allowed) throw new UserError('PREMIUM_REQUIRED', { tier: decision.tier });
    }
    await next();
  };
}
