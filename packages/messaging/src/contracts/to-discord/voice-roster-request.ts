import { z } from 'zod';
import { envelopeSchema } from '../envelope.js';

/**
 * The audio service asks who sits in the guild's voice channels (it drives a player there and has not heard
 * every move, e.g. after a restart): the gateway running the guild's shard answers `voice.roster` on
 * `to-audio`.
 */
export const voiceRosterRequestSchema = envelopeSchema('voice.roster.request', z.object({}));
