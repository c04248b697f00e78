import type { NowPlayingMessage } from '../../presentation/ui/render-now-playing.js';

/** Where now-playing messages are posted and edited (Discord REST in production, a recorder in tests). */
export interface MessageSink {
  /** Posts `body` in `channelId`; resolves with the new message id. */
  send(channelId: string, body: NowPlayingMessage): Promise<string>;
  edit(channelId: string, messageId: string, body: NowPlayingMessage): Promise<void>;
}
