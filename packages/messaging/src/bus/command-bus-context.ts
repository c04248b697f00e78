import type { Logger } from '@discord-bot/logger';
import type { CommandBusTuning } from '../constants.js';
import type { MessagingMetrics } from '../metrics.js';
import type { CommandTransport } from './command-transport.js';

/** What the sending and the consuming halves of a command bus share. */
export interface CommandBusContext {
  readonly transport: CommandTransport;
  readonly tuning: Required<CommandBusTuning>;
  readonly logger: Logger;
  readonly metrics: MessagingMetrics;
  /** Metrics label. */
  readonly channel: string;
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
