import { isAppError } from '@discord-bot/errors';
import type { Middleware } from '../pipeline/middleware.js';

/** The `outcome` of an invocation that ran to its end. */
const SUCCESS_OUTCOME = 'OK';
/** The `outcome` of an invocation stopped by something that carries no code (a bug). */
const UNKNOWN_ERROR_OUTCOME = 'INTERNAL';

/**
 * Logs one `command finished` line per invocation on the context's logger, which carries its correlation id
 * and guild: the command, kind, user, `outcome` (`OK`, or the code of the error that stopped it, a refusal
 * such as `NOT_IN_VOICE` as well as a failure) and duration in `ms`. Put it first, so refusals by the later
 * steps are logged too. The error itself goes on to the dispatcher, which renders and logs it.
 */
export function logInvocations(): Middleware {
  return async (context, next) => {
    const started = performance.now();
    const { invocation } = context;
    const fields = { command: invocation.commandName, kind: invocation.kind, userId: invocation.userId };
    const finished = (outcome: string): void =>
      context.logger.info(
        { ...fields, outcome, ms: Math.round(performance.now() - started) },
        'command finished',
      );
    try {
      await next();
      finished(SUCCESS_OUTCOME);
    } catch (error) {
      finished(isAppError(error) ? error.code : UNKNOWN_ERROR_OUTCOME);
      throw error;
    }
  };
}
