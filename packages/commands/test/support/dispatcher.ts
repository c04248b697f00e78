import { createSilentLogger } from '@discord-bot/logger';
import {
  CommandDispatcher,
  CommandRegistry,
  MemoryRateLimitStore,
  checkPermissions,
  logInvocations,
  premiumGate,
  rateLimit,
  validateOptions,
  type GuildPolicy,
  type PremiumPolicy,
  type RateLimitSettings,
} from '@discord-bot/commands';
import {
  BoomCommand,
  MoveCommand,
  PlayCommand,
  SeekCommand,
  SettingsCommand,
  VolumeCommand,
} from './sample-commands.js';

export interface Harness {
  dispatcher: CommandDispatcher;
  play: PlayCommand;
  outcomes: string[];
}

/** The production middleware order around the sample commands. */
export function harness(
  options: {
    djRoleId?: string | null;
    premium?: boolean;
    limits?: Partial<RateLimitSettings>;
  } = {},
): Harness {
  const play = new PlayCommand();
  const registry = new CommandRegistry().register(
    play,
    new VolumeCommand(),
    new SeekCommand(),
    new MoveCommand(),
    new SettingsCommand(),
    new BoomCommand(),
  );
  const policy: GuildPolicy = { djRoleId: () => Promise.resolve(options.djRoleId ?? null) };
  const premium: PremiumPolicy = {
    allows: () =>
      Promise.resolve(options.premium === true ? { allowed: true } : { allowed: false, tier: 'Pro' }),
  };
  const outcomes: string[] = [];
  const dispatcher = new CommandDispatcher({
    registry,
    logger: createSilentLogger(),
    middleware: [
      logInvocations(),
      rateLimit({ store: new MemoryRateLimitStore(), ...options.limits }),
      validateOptions(),
      checkPermissions(policy),
      premiumGate(premium),
    ],
    onOutcome: (o) => outcomes.push(`${o.command}:${o.code}`),
  });
  return { dispatcher, play, outcomes };
}
