import type { CommandSender } from '@discord-bot/messaging';

/** What the music commands need: a way to ask the audio service, and the timeout of one request. */
export interface PlayerServices {
  readonly bus: CommandSender;
  /** How long a deferred command waits for the player before answering "the player is not responding". */
  readonly requestTimeoutMs: number;
}
