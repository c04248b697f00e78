import { booleanField, listField } from '../fields.js';

const FLAG = /^([a-z][a-z0-9_-]{0,63})(=(true|false|on|off|1|0))?$/i;

/** Variables of the features area: premium gating and global feature switches. */
export const featuresShape = {
  PREMIUM_ENABLED: booleanField(false, {
    description: 'Gate premium features by guild subscription. Off: every guild gets every feature.',
    example: 'true',
  }),
  FEATURE_FLAGS: listField('a flag name optionally followed by =true or =false', (item) => FLAG.test(item))
    .optional()
    .meta({
      description: 'Comma-separated global feature switches: `name` turns one on, `name=false` turns it off.',
      example: 'autoplay,lyrics=false',
      defaultText: 'none',
    }),
};

/** Feature switches: `config.features`. */
export interface FeaturesConfig {
  readonly premiumEnabled: boolean;
  /** Flags named in FEATURE_FLAGS (lower case) and whether each is on; unnamed flags keep their default. */
  readonly flags: Readonly<Record<string, boolean>>;
}

/** Builds {@link FeaturesConfig} from parsed variables. */
export function toFeaturesConfig(env: {
  readonly PREMIUM_ENABLED: boolean;
  readonly FEATURE_FLAGS?: string[] | undefined;
}): FeaturesConfig {
  const flags: Record<string, boolean> = {};
  for (const item of env.FEATURE_FLAGS ?? []) {
    const [name = '', value = 'true'] = item.toLowerCase().split('=');
    flags[name] = ['true', 'on', '1'].includes(value);
  }
  return { premiumEnabled: env.PREMIUM_ENABLED, flags };
}
