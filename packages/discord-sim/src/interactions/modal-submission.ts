import { err, ok, type Result } from '@discord-bot/errors';
import { MessageLimits } from '../constants.js';
import type { JsonObject } from '../model/entities.js';

/** Component types a modal is laid out with (Discord's numbers). */
const ModalComponentType = { ActionRow: 1, TextInput: 4, Label: 18 } as const;

function objects(value: unknown): JsonObject[] {
  return Array.isArray(value)
    ? value.filter((v): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v))
    : [];
}

/**
 * Component ids as Discord numbers them: the bot's own where it set one, else the component's place in the
 * modal (depth first, from 1).
 */
class ComponentIds {
  private position = 0;

  public next(component: JsonObject): number {
    this.position += 1;
    return typeof component['id'] === 'number' ? component['id'] : this.position;
  }
}

/** One text input as submitted: what the user typed, else the value the bot prefilled, else empty. */
function fill(
  input: JsonObject,
  id: number,
  fields: Readonly<Record<string, string>>,
  seen: Set<string>,
): Result<JsonObject, string> {
  const customId = String(input['custom_id']);
  seen.add(customId);
  const prefilled = typeof input['value'] === 'string' ? input['value'] : '';
  const value = fields[customId] ?? prefilled;
  const min = typeof input['min_length'] === 'number' ? input['min_length'] : 0;
  const max = typeof input['max_length'] === 'number' ? input['max_length'] : MessageLimits.textInputChars;
  if (value === '' && input['required'] !== false) return err(`text input ${customId} is required`);
  if (value !== '' && value.length < min)
    return err(`text input ${customId} takes at least ${min} characters`);
  if (value.length > max) return err(`text input ${customId} takes at most ${max} characters`);
  return ok({ type: ModalComponentType.TextInput, id, custom_id: customId, value });
}

/**
 * The `data.components` of a modal submit as Discord's client sends them: in the modal's own layout
 * (action rows, or labels each holding one component), every text input with its value. Refuses what the
 * client would not let a user send: a field the modal does not have, a required one left empty, a value
 * outside the input's length bounds. Only text inputs are filled in; other components are left out.
 */
export function modalSubmitComponents(
  modal: JsonObject,
  fields: Readonly<Record<string, string>>,
): Result<JsonObject[], string> {
  const seen = new Set<string>();
  const ids = new ComponentIds();
  const submitted: JsonObject[] = [];
  for (const top of objects(modal['components'])) {
    const topId = ids.next(top);
    if (top['type'] === ModalComponentType.ActionRow) {
      const inputs: JsonObject[] = [];
      for (const input of objects(top['components'])) {
        const id = ids.next(input);
        if (input['type'] !== ModalComponentType.TextInput) continue;
        const filled = fill(input, id, fields, seen);
        if (!filled.ok) return filled;
        inputs.push(filled.value);
      }
      submitted.push({ type: ModalComponentType.ActionRow, id: topId, components: inputs });
    } else if (top['type'] === ModalComponentType.Label) {
      const [inner] = objects([top['component']]);
      if (inner === undefined) continue;
      const id = ids.next(inner);
      if (inner['type'] !== ModalComponentType.TextInput) continue;
      const filled = fill(inner, id, fields, seen);
      if (!filled.ok) return filled;
      submitted.push({ type: ModalComponentType.Label, id: topId, component: filled.value });
    }
  }
  const unknown = Object.keys(fields).find((customId) => !seen.has(customId));
  if (unknown !== undefined) return err(`the modal has no text input ${unknown}`);
  return ok(submitted);
}
