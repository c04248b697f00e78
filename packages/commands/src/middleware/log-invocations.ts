import type { Middleware } from '../pipeline/middleware.js';

/** Logs each invocation's outcome and duration on the context's logger (which carries the correlation id). */
export function logInvocations(): Middleware {
  return async (context, next) => {
    const started = performance.now();
    const { invocation } = context;
    const fields = { command: invocation.commandName, kind: invocation.kind, userId: invocation.userId };
    try {
      await next();
      context.logger.info({ ...fields, ms: Math.round(performance.now() - started) }, 'command done');
    } catch (error) {
      context.logger.info(
        { ...fields, ms: Math.round(performance.now() - started), failed: true },
        'command failed',
      );
      throw error;
    }
  };
}
