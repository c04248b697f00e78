import { z } from 'zod';
import { MAX_VOLUME_PERCENT, MIN_VOLUME_PERCENT } from '../../constants.js';
import { envelopeSchema } from '../envelope.js';
import { loopModeSchema, millisecondsSchema } from '../primitives.js';

/** The player was paused or resumed. */
export const pausedEventSchema = envelopeSchema(
  'player.paused',
  z.object({ paused: z.boolean(), positionMs: millisecondsSchema }),
);

/** The volume changed. */
export const volumeEventSchema = envelopeSchema(
  'player.volume',
  z.object({ volume: z.number().int().min(MIN_VOLUME_PERCENT).max(MAX_VOLUME_PERCENT) }),
);

/** The loop mode changed. */
export const loopEventSchema = envelopeSchema('player.loop', z.object({ mode: loopModeSchema }));

/** The player stopped for good (left, stopped, idle): the UI disables its controls. */
export const playerStoppedEventSchema = envelopeSchema(
  'player.stopped',
  z.object({ reason: z.enum(['stopped', 'left', 'idle', 'alone', 'kicked', 'failures']) }),
);
