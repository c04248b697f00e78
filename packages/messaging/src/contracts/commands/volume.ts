import { z } from 'zod';
import { MAX_VOLUME_PERCENT, MIN_VOLUME_PERCENT } from '../../constants.js';
import { defineCommand } from '../command-contract.js';

const volumeSchema = z.number().int().min(MIN_VOLUME_PERCENT).max(MAX_VOLUME_PERCENT);

/** Set the player volume in percent (0 to 200). */
export const volumeCommand = defineCommand(
  'volume',
  z.object({ volume: volumeSchema }),
  z.object({ volume: volumeSchema, previous: volumeSchema }),
);
