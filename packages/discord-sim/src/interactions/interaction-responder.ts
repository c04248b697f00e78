import { err, ok, type Result } from '@discord-bot/errors';
import { MessageLimits } from '../constants.js';
import { DiscordErrors, fieldError, type RestFailure } from '../model/discord-error.js';
import { MessageFlags, type JsonObject, type SimMessage } from '../model/entities.js';
import type { MessageService } from '../model/message-service.js';
import { validateMessage } from '../model/message-validation.js';
import { messageJson } from '../model/serialize.js';
import type { SimStore } from '../model/sim-store.js';
import { CallbackType, InteractionType, type SimInteraction } from './interaction-record.js';
import type { InteractionStore } from './interaction-store.js';

type Outcome<T> = Result<T, RestFailure>;

const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionType.Command]: [4, 5, 9],
  [InteractionType.Component]: [4, 5, 6, 7, 9],
  [InteractionType.Autocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** Answers a bot's interaction callbacks and webhook calls (`@original`, follow-ups) with Discord's rules. */
export class InteractionResponder {
  public constructor(
    private readonly store: SimStore,
    private readonly interactions: InteractionStore,
    private readonly messages: MessageService,
  ) {}

  /** `POST /interactions/{id}/{token}/callback`: the first response, due within the ack deadline. */
  public callback(
    id: string,
    token: string,
    body: unknown,
    withResponse: boolean,
  ): Outcome<JsonObject | null> {
    const interaction = this.interactions.get(id);
    if (interaction?.token !== token) return err(DiscordErrors.unknownInteraction());
    if (interaction.ackAtMs !== null) return err(DiscordErrors.alreadyAcknowledged());
    if (!this.interactions.canAcknowledge(interaction)) return err(DiscordErrors.unknownInteraction());
    const request = asObject(body);
    const type = request['type'];
    const allowed = ALLOWED_CALLBACKS[interaction.type] ?? [];
    if (typeof type !== 'number' || !allowed.includes(type)) {
      return err(fieldError(['type'], 'BASE_TYPE_CHOICES', `Value must be one of (${allowed.join(', ')}).`));
    }
    const data = request['data'];
    const applied = this.apply(interaction, type, data);
    if (!applied.ok) return applied;
    interaction.callbackType = type;
    interaction.ackAtMs = Date.now();
    interaction.ackAtMonotonicMs = performance.now();
    if (!withResponse) return ok(null);
    const message =
      interaction.originalMessageId === null
        ? undefined
        : this.store.messages.get(interaction.originalMessageId);
    return ok({
      interaction: {
        id: interaction.id,
        type: interaction.type,
        ...(message === undefined
          ? {}
          : {
              response_message_id: message.id,
              response_message_loading: (message.flags & MessageFlags.Loading) !== 0,
              response_message_ephemeral: message.ephemeral,
            }),
      },
      resource: {
        type,
        ...(message === undefined || type === 6 || type === 8 || type === 9
          ? {}
          : { message: messageJson(this.store, message) }),
      },
    });
  }

  /** `GET /webhooks/{app}/{token}/messages/{id}` (`@original` or a follow-up). */
  public getMessage(appId: string, token: string, messageId: string): Outcome<JsonObject> {
    const found = this.findMessage(appId, token, messageId);
    return found.ok ? ok(messageJson(this.store, found.value.message)) : found;
  }

  /** `PATCH /webhooks/{app}/{token}/messages/{id}`. */
  public editMessage(appId: string, token: string, messageId: string, body: unknown): Outcome<JsonObject> {
    const found = this.findMessage(appId, token, messageId);
    if (!found.ok) return found;
    const input = validateMessage(body, false);
    if (!input.ok) return err({ status: 400, body: input.error });
    return ok(messageJson(this.store, this.messages.edit(found.value.message, input.value)));
  }

  /** `DELETE /webhooks/{app}/{token}/messages/{id}`. */
  public deleteMessage(appId: string, token: string, messageId: string): Outcome<null> {
    const found = this.findMessage(appId, token, messageId);
    if (!found.ok) return found;
    this.messages.delete(found.value.message);
    return ok(null);
  }

  /** `POST /webhooks/{app}/{token}`: a follow-up message. */
  public followUp(appId: string, token: string, body: unknown): Outcome<JsonObject> {
    const interaction = this.liveInteraction(appId, token);
    if (!interaction.ok) return interaction;
    if (interaction.value.ackAtMs === null) return err(DiscordErrors.unknownWebhook());
    const input = validateMessage(body, true);
    if (!input.ok) return err({ status: 400, body: input.error });
    const message = this.messages.create({
      channelId: interaction.value.channelId,
      authorId: this.botUserId(interaction.value),
      input: input.value,
      applicationId: interaction.value.applicationId,
      interactionId: interaction.value.id,
    });
    interaction.value.followUpIds.push(message.id);
    return ok(messageJson(this.store, message));
  }

  private apply(interaction: SimInteraction, type: number, data: unknown): Outcome<void> {
    switch (type) {
      case CallbackType.ChannelMessage:
      case CallbackType.DeferredChannelMessage: {
        const deferred = type === CallbackType.DeferredChannelMessage;
        const input = validateMessage(data ?? {}, !deferred);
        if (!input.ok) return err({ status: 400, body: input.error });
        const message = this.messages.create({
          channelId: interaction.channelId,
          authorId: this.botUserId(interaction),
          input: deferred ? { flags: (input.value.flags ?? 0) & MessageFlags.Ephemeral } : input.value,
          applicationId: interaction.applicationId,
          interactionId: interaction.id,
          extraFlags: deferred ? MessageFlags.Loading : 0,
        });
        interaction.originalMessageId = message.id;
        return ok(undefined);
      }
      case CallbackType.UpdateMessage: {
        const message = this.sourceMessage(interaction);
        if (message === undefined) return err(DiscordErrors.unknownMessage());
        const input = validateMessage(data ?? {}, false);
        if (!input.ok) return err({ status: 400, body: input.error });
        this.messages.edit(message, input.value);
        return ok(undefined);
      }
      case CallbackType.DeferredUpdateMessage:
        return ok(undefined);
      case CallbackType.AutocompleteResult: {
        const choices = asObject(data)['choices'];
        if (!Array.isArray(choices) || choices.length > MessageLimits.autocompleteChoices) {
          return err(
            fieldError(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.'),
          );
        }
        interaction.choices = choices.map(asObject);
        return ok(undefined);
      }
      case CallbackType.Modal: {
        const modal = asObject(data);
        if (typeof modal['custom_id'] !== 'string' || typeof modal['title'] !== 'string') {
          return err(fieldError(['data', 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required'));
        }
        interaction.modal = modal;
        return ok(undefined);
      }
      default:
        return err(DiscordErrors.unknownInteraction());
    }
  }

  private sourceMessage(interaction: SimInteraction): SimMessage | undefined {
    return interaction.sourceMessageId === null
      ? undefined
      : this.store.messages.get(interaction.sourceMessageId);
  }

  private liveInteraction(appId: string, token: string): Outcome<SimInteraction> {
    const interaction = this.interactions.withToken(token);
    if (interaction === undefined || !this.interactions.tokenAlive(interaction)) {
      return err(DiscordErrors.invalidWebhookToken());
    }
    if (interaction.applicationId !== appId) return err(DiscordErrors.unknownWebhook());
    return ok(interaction);
  }

  private findMessage(appId: string, token: string, messageId: string): Outcome<{ message: SimMessage }> {
    const interaction = this.liveInteraction(appId, token);
    if (!interaction.ok) return interaction;
    const id = messageId === '@original' ? interaction.value.originalMessageId : messageId;
    const owned =
      id !== null &&
      (id === interaction.value.originalMessageId || interaction.value.followUpIds.includes(id));
    const message = owned && interaction.value.ackAtMs !== null ? this.store.messages.get(id) : undefined;
    if (message === undefined) return err(DiscordErrors.unknownMessage());
    return ok({ message });
  }

  private botUserId(interaction: SimInteraction): string {
    return this.store.applications.get(interaction.applicationId)?.botUserId ?? interaction.applicationId;
  }
}
