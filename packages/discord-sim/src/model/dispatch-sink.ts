import type { JsonObject } from './entities.js';

/** Gateway dispatch events the simulator emits. */
export type DispatchEvent =
  | 'GUILD_CREATE'
  | 'GUILD_DELETE'
  | 'GUILD_MEMBER_ADD'
  | 'GUILD_MEMBER_UPDATE'
  | 'GUILD_MEMBER_REMOVE'
  | 'GUILD_ROLE_CREATE'
  | 'GUILD_ROLE_UPDATE'
  | 'CHANNEL_CREATE'
  | 'CHANNEL_DELETE'
  | 'VOICE_STATE_UPDATE'
  | 'VOICE_SERVER_UPDATE'
  | 'INTERACTION_CREATE'
  | 'MESSAGE_CREATE'
  | 'MESSAGE_UPDATE'
  | 'MESSAGE_DELETE';

/** Who receives a dispatch: sessions of bots in `guildId` (on its shard), narrowed to one application. */
export interface DispatchTarget {
  readonly guildId?: string;
  readonly applicationId?: string;
}

/** Where the model sends gateway events; the gateway routes them by shard and intents. */
export interface DispatchSink {
  dispatch(event: DispatchEvent, data: JsonObject, target: DispatchTarget): void;
}
