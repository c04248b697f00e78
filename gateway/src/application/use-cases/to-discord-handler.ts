import type { Logger } from '@discord-bot/logger';
import {
  createEnvelope,
  type ToAudioMessage,
  type ToDiscordMessage,
  type VoiceRosterMember,
} from '@discord-bot/messaging';
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
  /**
   * Everyone in a voice channel of the guild, as this process's voice-state cache has it; undefined while the
   * guild is not (yet) available here, when an empty list would be a lie.
   */
  voiceMembers(guildId: string): readonly VoiceRosterMember[] | undefined;
}

/** Publishes an answer for the audio service on `to-audio` (the stream the voice events take, in order). */
export type AudioAnswer = (message: ToAudioMessage) => Promise<void>;

/**
 * Executes one `to-discord` message: a gateway payload (op 4 voice state update...) goes out on the guild's
 * shard; a notice is posted in its channel; a voice roster request is answered with the guild's voice
 * members on `to-audio`, after every voice event forwarded before it. Messages for shards another gateway
 * process runs are left to it.
 */
export async function handleToDiscord(
  message: ToDiscordMessage,
  outlet: DiscordOutlet,
  logger: Logger,
  answerAudio: AudioAnswer,
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
  if (message.type === 'voice.roster.request') {
    await answerRoster(message.guildId, message.correlationId, outlet, logger, answerAudio);
    return;
  }
  try {
    await outlet.postNotice(message.payload.channelId, message.payload.message);
  } catch (error) {
    logger.warn(
      { err: error, guildId: message.guildId, code: message.payload.code },
      'could not post a notice',
    );
  }
}

async function answerRoster(
  guildId: string,
  correlationId: string,
  outlet: DiscordOutlet,
  logger: Logger,
  answerAudio: AudioAnswer,
): Promise<void> {
  const members = outlet.voiceMembers(guildId);
  if (members === undefined) {
    logger.debug({ guildId }, 'voice roster requested for a guild not available here');
    return;
  }
  try {
    await answerAudio(createEnvelope('voice.roster', { members: [...members] }, { guildId, correlationId }));
  } catch (error) {
    logger.warn({ err: error, guildId }, 'could not answer a voice roster request');
  }
}
