import type { CommandRegistry } from '@discord-bot/commands';
import type { Logger } from '@discord-bot/logger';
import type { FingerprintStore } from '../../domain/repositories/fingerprint-store.js';

/** Sends a bulk overwrite of the commands (global or in one guild). */
export type PutCommands = (route: string, body: unknown) => Promise<unknown>;

/** Where and for whom commands are registered. */
export interface RegistrationTarget {
  readonly apiBase: string;
  readonly applicationId: string;
  /** Register in this guild only (instant, for development); global when undefined. */
  readonly devGuildId: string | undefined;
}

/** What {@link registerCommandsIfChanged} did. */
export type RegistrationOutcome = 'registered' | 'unchanged';

/**
 * Registers the slash commands with one bulk overwrite, only when their fingerprint differs from the one
 * recorded for this API, application and scope (a restart without changes sends nothing).
 */
export async function registerCommandsIfChanged(
  registry: CommandRegistry,
  target: RegistrationTarget,
  store: FingerprintStore,
  put: PutCommands,
  logger: Logger,
): Promise<RegistrationOutcome> {
  const where = target.devGuildId === undefined ? 'global' : `guild:${target.devGuildId}`;
  const scope = `${target.apiBase}|${target.applicationId}|${where}`;
  const fingerprint = registry.fingerprint();
  if ((await store.read(scope)) === fingerprint) {
    logger.info({ where, fingerprint: fingerprint.slice(0, 12) }, 'slash commands unchanged');
    return 'unchanged';
  }
  const route =
    target.devGuildId === undefined
      ? `/applications/${target.applicationId}/commands`
      : `/applications/${target.applicationId}/guilds/${target.devGuildId}/commands`;
  const body = registry.toDiscordJSON();
  await put(route, body);
  await store.write(scope, fingerprint);
  logger.info(
    { where, count: body.length, fingerprint: fingerprint.slice(0, 12) },
    'slash commands registered',
  );
  return 'registered';
}
