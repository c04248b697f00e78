import { z } from 'zod';
import { CHANNELS } from '../../constants.js';
import { defineChannel } from '../channel.js';
import { voiceRosterEventSchema } from './voice-roster.js';
import { voiceServerEventSchema } from './voice-server.js';
import { voiceStateEventSchema } from './voice-state.js';

/** Every message of `discord-bot:to-audio`. */
export const toAudioMessageSchema = z.discriminatedUnion('type', [
  voiceStateEventSchema,
  voiceServerEventSchema,
  voiceRosterEventSchema,
]);
export type ToAudioMessage = z.infer<typeof toAudioMessageSchema>;

/** Discord voice events (and the gateway's voice rosters) -> audio. */
export const TO_AUDIO_CHANNEL = defineChannel(CHANNELS.toAudio, toAudioMessageSchema);

export { voiceServerEventSchema, voiceStateEventSchema, voiceRosterEventSchema };
export { voiceRosterMemberSchema, type VoiceRosterMember } from './voice-roster.js';
