import { isIP } from 'node:net';
import { listField, portField, textField } from '../fields.js';

/** Default port of the audio node: Lavalink's. */
export const DEFAULT_AUDIO_NODE_PORT = 2333;

const HOSTNAME =
  /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** True for a host name, `*.`-wildcard host name, IP address or CIDR block (`10.0.0.0/8`, `fd00::/8`). */
export function isAllowlistEntry(item: string): boolean {
  const slash = item.indexOf('/');
  if (slash === -1) return isIP(item) !== 0 || HOSTNAME.test(item);
  const address = item.slice(0, slash);
  const bits = item.slice(slash + 1);
  const family = isIP(address);
  if (family === 0 || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

const portMeta = {
  description:
    'Port of the audio node (Lavalink v4 protocol: REST and WebSocket). The audio service (without LAVALINK_NODES) and single-node embed it on a free port unless set.',
  example: '2333',
} as const;

const audioNodeFields = {
  AUDIO_NODE_HOST: textField().prefault('127.0.0.1').meta({
    description: 'Address the audio node listens on. Keep loopback unless clients run on other machines.',
    example: '0.0.0.0',
  }),
  AUDIO_NODE_PORT: portField(DEFAULT_AUDIO_NODE_PORT, portMeta),
  AUDIO_NODE_MUSIC_DIRS: listField('a directory path', (item) => item.length > 0)
    .optional()
    .meta({
      description:
        'Comma-separated directories of local music the node may play and index for `local:` search.',
      example: '/srv/music,/home/me/Music',
      defaultText: 'none',
    }),
  AUDIO_NODE_HTTP_ALLOWLIST: listField('a host name, IP address or CIDR block', isAllowlistEntry)
    .optional()
    .meta({
      description:
        'Comma-separated hosts or CIDR blocks that HTTP sources may reach even though they are private or loopback.',
      example: 'music.lan,192.168.1.0/24',
      defaultText: 'none',
    }),
};

const passwordMeta = {
  description: 'Password clients must send in the Authorization header of every request to the audio node.',
  example: 'a-long-random-string',
  secret: true,
} as const;

/** Variables of the standalone audio node: the password is required. */
export const audioNodeShape = {
  ...audioNodeFields,
  AUDIO_NODE_PASSWORD: textField().meta(passwordMeta),
};

/**
 * Variables of the audio node embedded by the audio service or single-node (when LAVALINK_NODES is unset): a
 * random password is made when absent.
 */
export const embeddedAudioNodeShape = {
  ...audioNodeFields,
  // In-process, only this process connects to it: any free port avoids clashing with a local Lavalink.
  AUDIO_NODE_PORT: portField(0, {
    ...portMeta,
    defaultText: `${DEFAULT_AUDIO_NODE_PORT} (audio-node); a free port (embedded)`,
  }),
  AUDIO_NODE_PASSWORD: textField()
    .optional()
    .meta({
      ...passwordMeta,
      defaultText: 'random at each start (embedded in audio or single-node)',
    }),
};

/** Settings of the audio node: `config.audioNode`. */
export interface AudioNodeConfig {
  readonly host: string;
  readonly port: number;
  readonly password: string;
  /** Absolute or relative directories, as given. */
  readonly musicDirs: readonly string[];
  /** Host names, IP addresses and CIDR blocks exempt from the private-address block. */
  readonly httpAllowlist: readonly string[];
}

/** Builds {@link AudioNodeConfig}; `password` comes from the caller when it was generated. */
export function toAudioNodeConfig(
  env: {
    readonly AUDIO_NODE_HOST: string;
    readonly AUDIO_NODE_PORT: number;
    readonly AUDIO_NODE_MUSIC_DIRS?: string[] | undefined;
    readonly AUDIO_NODE_HTTP_ALLOWLIST?: string[] | undefined;
  },
  password: string,
): AudioNodeConfig {
  return {
    host: env.AUDIO_NODE_HOST,
    port: env.AUDIO_NODE_PORT,
    password,
    musicDirs: env.AUDIO_NODE_MUSIC_DIRS ?? [],
    httpAllowlist: env.AUDIO_NODE_HTTP_ALLOWLIST ?? [],
  };
}
