import { MemoryRateLimitStore, type CommandDispatcher } from '@discord-bot/commands';
import { createSilentLogger } from '@discord-bot/logger';
import type { CommandSender } from '@discord-bot/messaging';
import { createCommandDispatcher } from '../../src/application/commands/create-dispatcher.js';

/** The gateway's real dispatcher and commands over `bus`, with in-memory policies. */
export function gatewayDispatcher(
  bus: CommandSender,
  options: { djRoleId?: string | null; requestTimeoutMs?: number } = {},
): CommandDispatcher {
  return createCommandDispatcher({
    services: { bus, requestTimeoutMs: options.requestTimeoutMs ?? 2_000 },
    logger: createSilentLogger(),
    rateLimits: new MemoryRateLimitStore(),
    guildPolicy: { djRoleId: () => Promise.resolve(options.djRoleId ?? null) },
    premiumPolicy: { allows: () => Promise.resolve({ allowed: true }) },
  }).dispatcher;
}
