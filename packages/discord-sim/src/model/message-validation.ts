import { err, ok, type Result } from '@discord-bot/errors';
import { MessageLimits } from '../constants.js';
import type { DiscordErrorBody } from './discord-error.js';
import type { JsonObject } from './entities.js';
import { checkComponents } from './validation/component-validation.js';
import { checkEmbed } from './validation/embed-validation.js';
import { ErrorTree, isObject } from './validation/error-tree.js';

export interface MessageInput {
  readonly content?: string;
  readonly embeds?: JsonObject[];
  readonly components?: JsonObject[];
  readonly flags?: number;
}

export function validateMessage(
  body: unknown,
  requireContent: boolean,
): Result<MessageInput, DiscordErrorBody> {
  if (!isObject(body)) return err({ code: 50035, message: 'Invalid Form Body', errors: {} });
  const tree = new ErrorTree();
  const input: { content?: string; embeds?: JsonObject[]; components?: JsonObject[]; flags?: number } = {};
  const { content, embeds, components, flags } = body;
  if (content !== undefined && content !== null) {
    tree.maxLength(['content'], content, MessageLimits.contentChars);
    if (typeof content === 'string') input.content = content;
  }
  if (embeds !== undefined && embeds !== null) {
    if (!Array.isArray(embeds))
      tree.add(['embeds'], { code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    else {
      if (embeds.length > MessageLimits.embedsPerMessage) {
        tree.add(['embeds'], {
          code: 'BASE_TYPE_MAX_LENGTH',
          message: `Must be ${MessageLimits.embedsPerMessage} or fewer in length.`,
        });
      }
      const total = embeds.reduce<number>((sum, embed, i) => sum + checkEmbed(embed, i, tree), 0);
      if (total > MessageLimits.embedTotalChars) {
        tree.add(['embeds'], {
          code: 'MAX_EMBED_SIZE_EXCEEDED',
          message: `Embed size exceeds maximum size of ${MessageLimits.embedTotalChars}`,
        });
      }
      input.embeds = embeds.filter(isObject);
    }
  }
  const isV2 = typeof flags === 'number' && (flags & (1 << 15)) !== 0;
  if (components !== undefined && components !== null) {
    if (!Array.isArray(components))
      tree.add(['components'], { code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    else {
      if (!isV2) checkComponents(components, tree);
      input.components = components.filter(isObject);
    }
  }
  if (flags !== undefined && flags !== null) {
    if (typeof flags !== 'number' || !Number.isInteger(flags)) {
      tree.add(['flags'], {
        code: 'NUMBER_TYPE_COERCE',
        message: `Value "${JSON.stringify(flags)}" is not int.`,
      });
    } else input.flags = flags;
  }
  if (!tree.empty) return err(tree.toBody());
  const hasBody =
    (input.content ?? '').length > 0 ||
    (input.embeds ?? []).length > 0 ||
    (input.components ?? []).length > 0;
  if (requireContent && !hasBody) return err({ code: 50006, message: 'Cannot send an empty message' });
  return ok(input);
}
