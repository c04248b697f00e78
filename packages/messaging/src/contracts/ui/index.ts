import { z } from 'zod';
import { CHANNELS } from '../../constants.js';
import { defineChannel } from '../channel.js';
import {
  pausedEventSchema,
  loopEventSchema,
  playerStoppedEventSchema,
  volumeEventSchema,
} from './player-changed.js';
import { playerErrorEventSchema } from './player-error.js';
import { progressEventSchema } from './progress.js';
import { queueChangedEventSchema } from './queue-changed.js';
import { trackEndEventSchema } from './track-end.js';
import { trackStartEventSchema } from './track-start.js';

/** Every event of `discord-bot:ui:now`. */
export const uiNowEventSchema = z.discriminatedUnion('type', [
  trackStartEventSchema,
  trackEndEventSchema,
  progressEventSchema,
  queueChangedEventSchema,
  pausedEventSchema,
  volumeEventSchema,
  loopEventSchema,
  playerStoppedEventSchema,
  playerErrorEventSchema,
]);
export type UiNowEvent = z.infer<typeof uiNowEventSchema>;
export type UiNowEventType = UiNowEvent['type'];

/** Audio -> gateway and API: live player state, fan-out, best effort. */
export const UI_NOW_CHANNEL = defineChannel(CHANNELS.uiNow, uiNowEventSchema);

export {
  trackStartEventSchema,
  trackEndEventSchema,
  progressEventSchema,
  queueChangedEventSchema,
  pausedEventSchema,
  volumeEventSchema,
  loopEventSchema,
  playerStoppedEventSchema,
  playerErrorEventSchema,
};
export { trackEndReasonSchema, type TrackEndReason } from './track-end.js';
