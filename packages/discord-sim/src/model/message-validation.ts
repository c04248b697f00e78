import { err, ok, type Result } from '@discord-bot/errors';
import { MessageLimits } from '../constants.js';
import type { DiscordErrorBody } from './discord-error.js';
import type { JsonObject } from './entities.js';

/** One field error in Discord's nested `errors` tree. */
interface FieldError {
  readonly code: string;
  readonly message: string;
}

/** The message fields a bot sent, checked. Absent fields were not sent (an edit keeps them). */
export interface MessageInput {
  readonly content?: string;
  readonly embeds?: JsonObject[];
  readonly components?: JsonObject[];
  readonly flags?: number;
}

const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textLength(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

/** Collects field errors at paths and renders Discord's `{path: {_errors: [...]}}` tree. */
class ErrorTree {
  private readonly root: JsonObject = {};
  public empty = true;

  public add(path: readonly (string | number)[], error: FieldError): void {
    let node = this.root;
    for (const key of path) {
      const next = node[String(key)];
      if (isObject(next)) node = next;
      else {
        const created: JsonObject = {};
        node[String(key)] = created;
        node = created;
      }
    }
    const list = Array.isArray(node['_errors']) ? (node['_errors'] as FieldError[]) : [];
    list.push(error);
    node['_errors'] = list;
    this.empty = false;
  }

  public maxLength(path: readonly (string | number)[], value: unknown, max: number): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'string')
      this.add(path, { code: 'BASE_TYPE_STRING', message: 'Could not interpret value as string.' });
    else if (value.length > max) {
      this.add(path, { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
    }
  }

  public toBody(): DiscordErrorBody {
    return { code: 50035, message: 'Invalid Form Body', errors: this.root };
  }
}

function checkEmbed(embed: unknown, index: number, tree: ErrorTree): number {
  const path = ['embeds', index];
  if (!isObject(embed)) {
    tree.add(path, { code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' });
    return 0;
  }
  tree.maxLength([...path, 'title'], embed['title'], MessageLimits.embedTitleChars);
  tree.maxLength([...path, 'description'], embed['description'], MessageLimits.embedDescriptionChars);
  let total = textLength(embed['title']) + textLength(embed['description']);
  const footer = embed['footer'];
  if (isObject(footer)) {
    tree.maxLength([...path, 'footer', 'text'], footer['text'], MessageLimits.embedFooterChars);
    total += textLength(footer['text']);
  }
  const author = embed['author'];
  if (isObject(author)) {
    tree.maxLength([...path, 'author', 'name'], author['name'], MessageLimits.embedAuthorNameChars);
    total += textLength(author['name']);
  }
  const fields = embed['fields'];
  if (fields !== undefined) {
    if (!Array.isArray(fields))
      tree.add([...path, 'fields'], { code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    else {
      if (fields.length > MessageLimits.embedFields) {
        tree.add([...path, 'fields'], {
          code: 'BASE_TYPE_MAX_LENGTH',
          message: `Must be ${MessageLimits.embedFields} or fewer in length.`,
        });
      }
      fields.forEach((field: unknown, i) => {
        const fieldPath = [...path, 'fields', i];
        if (!isObject(field))
          return tree.add(fieldPath, { code: 'MODEL_TYPE_CONVERT', message: 'Must be an object.' });
        for (const key of ['name', 'value'] as const) {
          if (typeof field[key] !== 'string' || field[key].length === 0) {
            tree.add([...fieldPath, key], { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
          }
        }
        tree.maxLength([...fieldPath, 'name'], field['name'], MessageLimits.embedFieldNameChars);
        tree.maxLength([...fieldPath, 'value'], field['value'], MessageLimits.embedFieldValueChars);
        total += textLength(field['name']) + textLength(field['value']);
      });
    }
  }
  return total;
}

function checkComponent(component: unknown, path: (string | number)[], tree: ErrorTree): void {
  if (!isObject(component)) {
    tree.add(path, { code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' });
    return;
  }
  const type = component['type'];
  if (type === 2) {
    const isLink = component['style'] === 5;
    const isPremium = component['style'] === 6;
    if (typeof component['style'] !== 'number' || component['style'] < 1 || component['style'] > 6) {
      tree.add([...path, 'style'], {
        code: 'BASE_TYPE_CHOICES',
        message: 'Value must be one of (1, 2, 3, 4, 5, 6).',
      });
    }
    if (isLink && typeof component['url'] !== 'string') {
      tree.add([...path, 'url'], { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    }
    if (!isLink && !isPremium && typeof component['custom_id'] !== 'string') {
      tree.add([...path, 'custom_id'], { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    }
    tree.maxLength([...path, 'custom_id'], component['custom_id'], MessageLimits.customIdChars);
    tree.maxLength([...path, 'label'], component['label'], MessageLimits.buttonLabelChars);
    return;
  }
  if (typeof type === 'number' && SELECT_TYPES.has(type)) {
    if (typeof component['custom_id'] !== 'string') {
      tree.add([...path, 'custom_id'], { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    }
    tree.maxLength([...path, 'custom_id'], component['custom_id'], MessageLimits.customIdChars);
    const options = component['options'];
    if (
      type === 3 &&
      (!Array.isArray(options) || options.length === 0 || options.length > MessageLimits.selectOptions)
    ) {
      tree.add([...path, 'options'], {
        code: 'BASE_TYPE_BAD_LENGTH',
        message: `Must be between 1 and ${MessageLimits.selectOptions} in length.`,
      });
    }
    return;
  }
  tree.add([...path, 'type'], {
    code: 'UNION_TYPE_CHOICES',
    message: `Value of field "type" must be one of (2, 3, 5, 6, 7, 8).`,
  });
}

function checkComponents(rows: unknown[], tree: ErrorTree): void {
  if (rows.length > MessageLimits.actionRows) {
    tree.add(['components'], {
      code: 'BASE_TYPE_MAX_LENGTH',
      message: `Must be ${MessageLimits.actionRows} or fewer in length.`,
    });
  }
  rows.forEach((row, i) => {
    if (!isObject(row) || row['type'] !== 1) {
      tree.add(['components', i, 'type'], {
        code: 'UNION_TYPE_CHOICES',
        message: 'Value of field "type" must be one of (1).',
      });
      return;
    }
    const children = row['components'];
    if (
      !Array.isArray(children) ||
      children.length === 0 ||
      children.length > MessageLimits.componentsPerRow
    ) {
      tree.add(['components', i, 'components'], {
        code: 'BASE_TYPE_BAD_LENGTH',
        message: `Must be between 1 and ${MessageLimits.componentsPerRow} in length.`,
      });
      return;
    }
    children.forEach((child, j) => checkComponent(child, ['components', i, 'components', j], tree));
  });
}

/**
 * Checks a message payload as Discord does (content length, embed limits, components), answering the
 * 50035 body on failure. `requireContent` is set for new messages: an empty one is error 50006.
 */
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
