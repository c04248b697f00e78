import { integerField } from '../fields.js';

/** Leave a voice channel with no listener after this long (the default: 2 min). */
export const DEFAULT_ALONE_TIMEOUT_SECONDS = 120;
/** Leave after the queue ended and nothing played for this long (the default: 5 min). */
export const DEFAULT_IDLE_TIMEOUT_SECONDS = 300;
/** Longest leave timeout: a bot that should stay longer is what 24/7 mode is for. */
const MAX_TIMEOUT_SECONDS = 86_400;

const MS_PER_SECOND = 1_000;

/** Environment variables of the audio area (the audio service's own; single-node runs it too). */
export const audioShape = {
  AUDIO_ALONE_TIMEOUT_SECONDS: integerField(1, MAX_TIMEOUT_SECONDS)
    .prefault(String(DEFAULT_ALONE_TIMEOUT_SECONDS))
    .meta({
      description:
        'Seconds the bot stays in a voice channel with no one else in it before leaving (unless the guild has 24/7 on).',
      example: '60',
    }),
  AUDIO_IDLE_TIMEOUT_SECONDS: integerField(1, MAX_TIMEOUT_SECONDS)
    .prefault(String(DEFAULT_IDLE_TIMEOUT_SECONDS))
    .meta({
      description:
        'Seconds the bot stays in voice after the queue ended with nothing playing before leaving (unless the guild has 24/7 on).',
      example: '600',
    }),
} as const;

/** The audio service's leave rules: `config.audio`. */
export interface AudioAreaConfig {
  readonly aloneTimeoutMs: number;
  readonly idleTimeoutMs: number;
}

/** Builds {@link AudioAreaConfig} from parsed variables. */
export function toAudioAreaConfig(env: {
  readonly AUDIO_ALONE_TIMEOUT_SECONDS: number;
  readonly AUDIO_IDLE_TIMEOUT_SECONDS: number;
}): AudioAreaConfig {
  return {
    aloneTimeoutMs: env.AUDIO_ALONE_TIMEOUT_SECONDS * MS_PER_SECOND,
    idleTimeoutMs: env.AUDIO_IDLE_TIMEOUT_SECONDS * MS_PER_SECOND,
  };
}
