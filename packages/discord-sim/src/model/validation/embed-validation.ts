import { MessageLimits } from '../../constants.js';
import { isObject, type ErrorTree } from './error-tree.js';

function textLength(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

/** Checks one embed against Discord's limits; returns its character count toward the 6,000 total. */
export function checkEmbed(embed: unknown, index: number, tree: ErrorTree): number {
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
