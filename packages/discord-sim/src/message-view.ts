import type { JsonObject, SimMessage } from './model/entities.js';
import type { SimStore } from './model/sim-store.js';

/** A channel message as `GET /_sim/channels/{id}/messages` shows it. */
export interface ChannelMessageView {
  readonly id: string;
  readonly author: { id: string; username: string; bot: boolean };
  readonly content: string;
  readonly embeds: JsonObject[];
  readonly components: JsonObject[];
  readonly flags: number;
  readonly editCount: number;
  readonly createdAt: string;
  readonly editedAt: string | null;
  readonly interactionId: string | null;
}

export function channelMessageView(store: SimStore, message: SimMessage): ChannelMessageView {
  const author = store.users.get(message.authorId);
  return {
    id: message.id,
    author: { id: message.authorId, username: author?.username ?? 'unknown', bot: author?.bot ?? false },
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    flags: message.flags,
    editCount: message.editCount,
    createdAt: message.createdAt,
    editedAt: message.editedAt,
    interactionId: message.interactionId,
  };
}
