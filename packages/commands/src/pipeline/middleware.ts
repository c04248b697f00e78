import type { CommandContext } from '../invocation/command-context.js';

/** One step of the pipeline: do something, call `next()` to continue, or throw to stop with an error. */
export type Middleware = (context: CommandContext, next: () => Promise<void>) => Promise<void>;

/**
 * Chains `middleware` around `final`, in order: the first runs outermost. Calling `next()` twice is a bug and
 * throws rather than running the rest of the chain again.
 */
export function composeMiddleware(
  middleware: readonly Middleware[],
  final: (context: CommandContext) => Promise<void>,
): (context: CommandContext) => Promise<void> {
  return (context) => {
    let last = -1;
    const run = async (index: number): Promise<void> => {
      if (index <= last) throw new Error('next() called more than once');
      last = index;
      const step = middleware[index];
      if (step === undefined) return final(context);
      return step(context, () => run(index + 1));
    };
    return run(0);
  };
}
