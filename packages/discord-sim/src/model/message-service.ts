import type { DispatchSink } from './dispatch-sink.js';
import { MessageFlags, type SimMessage } from './entities.js';
import type { MessageInput } from './message-validation.js';
import { messageJson } from './serialize.js';
import type { SimStore } from './sim-store.js';

export interface NewMessage {
  readonly channelId: string;
  readonly authorId: string;
  readonly input: MessageInput;
  readonly applicationId?: string;
  readonly interactionId?: string;
  /** Extra flags (LOADING for a deferred reply). */
  readonly extraFlags?: number;
}

/** Creates, edits and deletes messages, dispatching MESSAGE_CREATE/UPDATE/DELETE (never for ephemerals). */
export class MessageService {
  public constructor(
    private readonly store: SimStore,
    private readonly sink: DispatchSink,
  ) {}

  public create(message: NewMessage): SimMessage {
    const channel = this.store.channels.get(message.channelId);
    const flags = (message.input.flags ?? 0) | (message.extraFlags ?? 0);
    const record: SimMessage = {
      id: this.store.ids.next(),
      channelId: message.channelId,
      guildId: channel?.guildId ?? null,
      authorId: message.authorId,
      content: message.input.content ?? '',
      embeds: message.input.embeds ?? [],
      components: message.input.components ?? [],
      flags,
      createdAt: new Date().toISOString(),
      editedAt: null,
      editCount: 0,
      applicationId: message.applicationId ?? null,
      interactionId: message.interactionId ?? null,
      ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
    };
    this.store.messages.set(record.id, record);
    this.emit('MESSAGE_CREATE', record);
    return record;
  }

  /** Applies the fields the edit carries; clears LOADING (a deferred reply being filled in). */
  public edit(message: SimMessage, input: MessageInput): SimMessage {
    if (input.content !== undefined) message.content = input.content;
    if (input.embeds !== undefined) message.embeds = input.embeds;
    if (input.components !== undefined) message.components = input.components;
    const wasLoading = (message.flags & MessageFlags.Loading) !== 0;
    message.flags &= ~MessageFlags.Loading;
    if (!wasLoading) {
      message.editedAt = new Date().toISOString();
      message.editCount += 1;
    }
    this.emit('MESSAGE_UPDATE', message);
    return message;
  }

  public delete(message: SimMessage): void {
    this.store.messages.delete(message.id);
    if (message.ephemeral) return;
    this.sink.dispatch(
      'MESSAGE_DELETE',
      {
        id: message.id,
        channel_id: message.channelId,
        ...(message.guildId === null ? {} : { guild_id: message.guildId }),
      },
      message.guildId === null ? {} : { guildId: message.guildId },
    );
  }

  private emit(event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: SimMessage): void {
    if (message.ephemeral) return;
    this.sink.dispatch(
      event,
      messageJson(this.store, message),
      message.guildId === null ? {} : { guildId: message.guildId },
    );
  }
}
