import { z } from 'zod';
import { envelopeSchema } from '../envelope.js';
import { snowflakeSchema } from '../primitives.js';

/** One member sitting in a voice channel of the guild. */
export const voiceRosterMemberSchema = z.object({
  userId: snowflakeSchema,
  channelId: snowflakeSchema,
  isBot: z.boolean(),
});
export type VoiceRosterMember = z.infer<typeof voiceRosterMemberSchema>;

/**
 * Everyone in a voice channel of the guild right now, from the gateway's voice-state cache: its answer to
 * `voice.roster.request`. It replaces what the audio service knew of the guild's voice channels (a service
 * that just started, or took the guild over, heard none of the moves before); the `voice.state` events after
 * it on the same stream update it.
 */
export const voiceRosterEventSchema = envelopeSchema(
  'voice.roster',
  z.object({ members: z.array(voiceRosterMemberSchema) }),
);
