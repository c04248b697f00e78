import type { AutocompleteChoice } from './invocation/command-invocation.js';
import type { CommandContext } from './invocation/command-context.js';

/** The class behind a slash command, decorated with `@Command`. */
export interface CommandHandler {
  execute(context: CommandContext): Promise<void>;
  /** Suggestions while the user types an option declared with `autocomplete: true`. */
  autocomplete?(
    context: CommandContext,
    focused: { name: string; value: string },
  ): Promise<readonly AutocompleteChoice[]>;
}
