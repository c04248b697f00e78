import { SOURCE_NAMES } from '../sources/source-manager.js';
import { SUPPORTED_FILTERS } from './validate-filters.js';

/** The Lavalink version whose protocol this node speaks (what `/version` answers; clients gate features on it). */
export const PROTOCOL_VERSION = { semver: '4.2.2', major: 4, minor: 2, patch: 2, preRelease: null } as const;
export const AUDIO_NODE_VERSION = '0.1.0';
const BUILD_TIME = Date.now();

/** `GET /v4/info`: exactly the sources and filters this node supports. Never sets `isNodelink`. */
export function nodeInfo(): Record<string, unknown> {
  return {
    version: { ...PROTOCOL_VERSION, build: `audio-node.${AUDIO_NODE_VERSION}` },
    buildTime: BUILD_TIME,
    git: { branch: 'main', commit: 'unknown', commitTime: BUILD_TIME },
    jvm: `Node.js ${process.version}`,
    lavaplayer: `audio-node ${AUDIO_NODE_VERSION}`,
    sourceManagers: [...SOURCE_NAMES],
    filters: [...SUPPORTED_FILTERS],
    plugins: [],
  };
}
