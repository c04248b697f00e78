import type { Logger } from '@discord-bot/logger';
import type { ToDiscordMessage } from '@discord-bot/messaging';
import { shardOfGuild } from '../../domain/services/shard-of-guild.js';

/** What the handler needs from the Discord client. */
export interface DiscordOutlet {
  /** Total shards of the bot (across every gateway process). */
  shardCount(): number;
  /** True when this process runs `shardId`. */
  runsShard(shardId: number): boolean;
  /** Sends a payload on one of this process's shards. */
  sendOnShard(shardId: number, payload: { op: number; d: Record<string, unknown> }): void;
  /** Posts a plain message in a channel. */
  postNotice(channelId: string, content: string): Promise<void>;
}

/**
 * Executes one `to-discord` message: a gateway payload (op 4 voice state update...) goes out on the guild's
 * shard; a notice is posted in its channel. Messages for shards another gateway process runs are left to it.
 */
export async function handleToDiscord(
  message: ToDiscordMessage,
  outlet: DiscordOutlet,
  logger: Logger,
): Promise<void> {
  const shardId = shardOfGuild(message.guildId, outlet.shardCount());
  if (message.type === 'gateway.send') {
    const target = message.payload.shardId ?? shardId;
    if (!outlet.runsShard(target)) return;
    outlet.sendOnShard(target, { op: message.payload.op, d: message.payload.d });
    logger.debug({ guildId: message.guildId, op: message.payload.op, shardId: target }, 'sent audio payload');
    return;
  }
  if (!outlet.runsShard(shardId)) return;
  try {
    await outlet.postNotice(message.payload.channelId, message.payload.message);
  } catch (error) {
    logger.warn(
      { err: error, guildId: message.guildId, code: message.payload.code },
      'could not post a notice',
    );
  }
}
