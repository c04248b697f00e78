import { z } from 'zod';
import { DEFAULT_QUEUE_PAGE_SIZE, MAX_QUEUE_PAGE_SIZE } from '../../constants.js';
import { defineCommand } from '../command-contract.js';
import { millisecondsSchema, queuePositionSchema } from '../primitives.js';
import { trackSchema } from '../track.js';

/** Read one page of the queue (pages are 1-based). */
export const queuePageCommand = defineCommand(
  'queuePage',
  z.object({
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(MAX_QUEUE_PAGE_SIZE).default(DEFAULT_QUEUE_PAGE_SIZE),
  }),
  z.object({
    page: z.number().int().min(1),
    pageCount: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    totalDurationMs: millisecondsSchema,
    current: trackSchema.nullable(),
    tracks: z.array(z.object({ position: queuePositionSchema, track: trackSchema })),
  }),
);
