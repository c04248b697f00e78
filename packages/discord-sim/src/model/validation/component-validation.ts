import { MessageLimits } from '../../constants.js';
import { isObject, type ErrorTree } from './error-tree.js';

const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

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

/** Checks action rows: at most 5, each with 1-5 buttons or one select. */
export function checkComponents(rows: unknown[], tree: ErrorTree): void {
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
