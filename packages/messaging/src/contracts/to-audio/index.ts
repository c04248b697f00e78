import { z } from 'zod';
import { CHANNELS } from '../../constants.js';
import { defineChannel } from '../channel.js';
import { voiceServerEventSchema } from './voice-server.js';
import { voiceStateEventSchema } from './voice-state.js';

/** Every message of `discord-bot:to-audio`. */
export const toAudioMessageSchema = z.discriminatedUnion('type', [
  voiceStateEventSchema,
  voiceServerEventSchema,
]);
export type ToAudioMessage = z.infer<typeof toAudioMessageSchema>;

/** Discord voice events -> audio. */
export const TO_AUDIO_CHANNEL = defineChannel(CHANNELS.toAudio, toAudioMessageSchema);

export { voiceServerEventSchema, voiceStateEventSchema };
