import type { JsonObject, SimMessage } from '../model/entities.js';

/** Interaction types (Discord's numbers). */
export const InteractionType = { Command: 2, Component: 3, Autocomplete: 4, ModalSubmit: 5 } as const;
export type SimInteractionType = (typeof InteractionType)[keyof typeof InteractionType];

/** Interaction callback types a bot may answer with. */
export const CallbackType = {
  ChannelMessage: 4,
  DeferredChannelMessage: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

/** One interaction a user started, and everything the bot answered. */
export interface SimInteraction {
  readonly id: string;
  readonly token: string;
  readonly applicationId: string;
  readonly type: SimInteractionType;
  readonly guildId: string;
  readonly channelId: string;
  readonly userId: string;
  readonly createdAtMs: number;
  /** `performance.now()` at creation: {@link InteractionView.ackMs} is measured on this monotonic clock. */
  readonly createdAtMonotonicMs: number;
  /** The message a component sits on (component interactions). */
  readonly sourceMessageId: string | null;
  /** The INTERACTION_CREATE payload as dispatched. */
  readonly payload: JsonObject;
  callbackType: number | null;
  ackAtMs: number | null;
  /** `performance.now()` at the first response. */
  ackAtMonotonicMs: number | null;
  /** The message `@original` refers to. */
  originalMessageId: string | null;
  readonly followUpIds: string[];
  choices: JsonObject[] | null;
  modal: JsonObject | null;
  /** The modal-submit interaction that answered {@link modal}: a modal is submitted once. */
  modalSubmissionId: string | null;
}

/** A message as the invoking user sees it. */
export interface MessageView {
  readonly id: string;
  readonly content: string;
  readonly embeds: JsonObject[];
  readonly components: JsonObject[];
  readonly ephemeral: boolean;
  readonly editCount: number;
}

/** What `GET /_sim/interactions/{id}` answers. */
export interface InteractionView {
  readonly id: string;
  readonly interactionType: 'command' | 'component' | 'autocomplete' | 'modal-submit';
  readonly acknowledged: boolean;
  /** Creation to first response, with sub-millisecond resolution (a monotonic clock, not `Date.now()`). */
  readonly ackMs: number | null;
  /** The callback type the bot answered with (4 to 9), null before it answered. */
  readonly type: number | null;
  readonly deferred: boolean;
  readonly ephemeral: boolean;
  /** The original response as it stands after edits; null before one exists (or while still loading). */
  readonly response: MessageView | null;
  readonly followUps: MessageView[];
  readonly choices?: JsonObject[];
  readonly modal?: JsonObject;
  /** What the user would see go wrong, e.g. "The application did not respond". */
  readonly error?: string;
}

export function messageView(message: SimMessage): MessageView {
  return {
    id: message.id,
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    ephemeral: message.ephemeral,
    editCount: message.editCount,
  };
}
