import { randomBytes } from 'node:crypto';
import { ok } from '@discord-bot/errors';
import type { DispatchSink } from '../model/dispatch-sink.js';
import type { JsonObject, SimCommand, SimMessage } from '../model/entities.js';
import { channelJson, memberJson, messageJson } from '../model/serialize.js';
import { badRequest, notFound, type SimResult } from '../model/sim-failure.js';
import type { SimStore } from '../model/sim-store.js';
import { buildCommandOptions, type OptionValue } from './command-options.js';
import { InteractionType, type SimInteraction, type SimInteractionType } from './interaction-record.js';
import type { InteractionStore } from './interaction-store.js';
import { modalSubmitComponents } from './modal-submission.js';

export interface CommandInvocation {
  readonly userId: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly command: string;
  readonly options?: Readonly<Record<string, OptionValue>>;
  readonly subcommand?: string;
  /** Name of the option being typed: makes this an autocomplete interaction. */
  readonly focused?: string;
}

export interface ComponentClick {
  readonly userId: string;
  readonly messageId: string;
  readonly customId: string;
  readonly values?: readonly string[];
}

export interface ModalSubmission {
  readonly userId: string;
  /** The interaction the bot answered with a modal. */
  readonly interactionId: string;
  /** Text input values by custom_id. */
  readonly fields: Readonly<Record<string, string>>;
}

function findComponent(components: readonly unknown[], customId: string): JsonObject | undefined {
  for (const item of components) {
    if (typeof item !== 'object' || item === null) continue;
    const component = item as JsonObject;
    if (component['custom_id'] === customId) return component;
    const children = component['components'];
    if (Array.isArray(children)) {
      const found = findComponent(children, customId);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Creates interactions as a user's client would (slash command, autocomplete, click, modal) and dispatches them. */
export class InteractionFactory {
  public constructor(
    private readonly store: SimStore,
    private readonly interactions: InteractionStore,
    private readonly sink: DispatchSink,
  ) {}

  public command(input: CommandInvocation): SimResult<{ id: string }> {
    const where = this.checkPlace(input.userId, input.guildId, input.channelId);
    if (!where.ok) return where;
    const command = this.findCommand(input.guildId, input.command);
    if (command === undefined) return badRequest(`unknown or unregistered command /${input.command}`);
    const built = buildCommandOptions(
      this.store,
      input.guildId,
      command.definition,
      input.options ?? {},
      input.subcommand,
      input.focused,
    );
    if (!built.ok) return badRequest(built.error);
    const data: JsonObject = {
      id: command.id,
      name: command.name,
      type: command.type,
      options: built.value.options,
      ...(Object.keys(built.value.resolved).length === 0 ? {} : { resolved: built.value.resolved }),
      ...(command.guildId === null ? {} : { guild_id: command.guildId }),
    };
    const type = input.focused === undefined ? InteractionType.Command : InteractionType.Autocomplete;
    return ok(
      this.create(type, command.applicationId, input.userId, input.guildId, input.channelId, data, null),
    );
  }

  public component(input: ComponentClick): SimResult<{ id: string }> {
    const message = this.store.messages.get(input.messageId);
    if (message?.guildId == null) return notFound(`unknown message ${input.messageId}`);
    const where = this.checkPlace(input.userId, message.guildId, message.channelId);
    if (!where.ok) return where;
    const app = message.applicationId ?? this.store.applicationByBotUser(message.authorId)?.id;
    if (app === undefined) return badRequest('that message was not sent by a bot');
    const component = findComponent(message.components, input.customId);
    if (component === undefined)
      return notFound(`no component with custom_id ${input.customId} on that message`);
    if (component['disabled'] === true) return badRequest(`component ${input.customId} is disabled`);
    const componentType = Number(component['type']);
    const data: JsonObject = { custom_id: input.customId, component_type: componentType };
    if (componentType === 2) {
      if (input.values !== undefined) return badRequest('a button takes no values');
    } else {
      const values = [...(input.values ?? [])];
      const offered = Array.isArray(component['options'])
        ? (component['options'] as JsonObject[]).map((o) => String(o['value']))
        : null;
      const bad = offered === null ? undefined : values.find((v) => !offered.includes(v));
      if (bad !== undefined) return badRequest(`value ${bad} is not an option of ${input.customId}`);
      data['values'] = values;
    }
    return ok(
      this.create(
        InteractionType.Component,
        app,
        input.userId,
        message.guildId,
        message.channelId,
        data,
        message,
      ),
    );
  }

  public modalSubmit(input: ModalSubmission): SimResult<{ id: string }> {
    const source = this.interactions.get(input.interactionId);
    if (source?.modal == null)
      return notFound(`interaction ${input.interactionId} was not answered with a modal`);
    if (source.userId !== input.userId)
      return badRequest('only the user the modal was shown to can submit it');
    if (source.modalSubmissionId !== null)
      return badRequest(`the modal of interaction ${input.interactionId} was already submitted`);
    const components = modalSubmitComponents(source.modal, input.fields);
    if (!components.ok) return badRequest(components.error);
    const data: JsonObject = { custom_id: source.modal['custom_id'], components: components.value };
    const message =
      source.sourceMessageId === null ? null : (this.store.messages.get(source.sourceMessageId) ?? null);
    const submitted = this.create(
      InteractionType.ModalSubmit,
      source.applicationId,
      input.userId,
      source.guildId,
      source.channelId,
      data,
      message,
    );
    source.modalSubmissionId = submitted.id;
    return ok(submitted);
  }

  private create(
    type: SimInteractionType,
    applicationId: string,
    userId: string,
    guildId: string,
    channelId: string,
    data: JsonObject,
    message: SimMessage | null,
  ): { id: string } {
    const id = this.store.ids.next();
    const token = `aW50ZXJhY3Rpb246${id}.${randomBytes(24).toString('base64url')}`;
    const member = this.store.member(guildId, userId);
    const channel = this.store.channels.get(channelId);
    const app = this.store.applications.get(applicationId);
    const payload: JsonObject = {
      id,
      application_id: applicationId,
      type,
      data,
      guild_id: guildId,
      guild: { id: guildId, locale: 'en-US', features: [] },
      channel_id: channelId,
      ...(channel === undefined ? {} : { channel: channelJson(channel) }),
      ...(member === undefined
        ? {}
        : {
            member: {
              ...memberJson(this.store, member),
              permissions: this.store.memberPermissions(guildId, userId).toString(),
            },
          }),
      token,
      version: 1,
      app_permissions:
        app === undefined ? '0' : this.store.memberPermissions(guildId, app.botUserId).toString(),
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guildId },
      context: 0,
      attachment_size_limit: 26_214_400,
      ...(message === null ? {} : { message: messageJson(this.store, message) }),
    };
    const record: SimInteraction = {
      id,
      token,
      applicationId,
      type,
      guildId,
      channelId,
      userId,
      createdAtMs: Date.now(),
      createdAtMonotonicMs: performance.now(),
      sourceMessageId: message?.id ?? null,
      payload,
      callbackType: null,
      ackAtMs: null,
      ackAtMonotonicMs: null,
      // A component's interaction (and a modal's opened from one) answers on the message it came from
      // until it sends a message of its own: an update (6/7) and `@original` edit that message.
      originalMessageId: type === InteractionType.Command ? null : (message?.id ?? null),
      followUpIds: [],
      choices: null,
      modal: null,
      modalSubmissionId: null,
    };
    this.interactions.add(record);
    this.sink.dispatch('INTERACTION_CREATE', payload, { guildId, applicationId });
    return { id };
  }

  private findCommand(guildId: string, name: string): SimCommand | undefined {
    const all = [...this.store.commands.values()].filter((c) => c.name === name && c.type === 1);
    return all.find((c) => c.guildId === guildId) ?? all.find((c) => c.guildId === null);
  }

  private checkPlace(userId: string, guildId: string, channelId: string): SimResult<void> {
    if (!this.store.guilds.has(guildId)) return notFound(`unknown guild ${guildId}`);
    if (this.store.channels.get(channelId)?.guildId !== guildId)
      return notFound(`unknown channel ${channelId} in this guild`);
    if (this.store.member(guildId, userId) === undefined)
      return notFound(`user ${userId} is not a member of guild ${guildId}`);
    return ok(undefined);
  }
}
