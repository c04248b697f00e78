import { z } from 'zod';

const NODE_URL_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** One Lavalink v4 node clients connect to. */
export interface LavalinkNodeConfig {
  readonly id: string;
  /** Base URL, e.g. `http://lavalink:2333` (`https`/`wss` for TLS). */
  readonly url: string;
  readonly password: string;
}

const nodeSchema = z.object({
  id: z.string({ error: 'must be a non-empty string' }).trim().min(1, { error: 'must not be empty' }),
  url: z
    .string({ error: 'must be a string' })
    .refine((value) => URL.canParse(value) && NODE_URL_PROTOCOLS.has(new URL(value).protocol), {
      error: 'must start with http://, https://, ws:// or wss://',
    }),
  password: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
});

const NODES_MESSAGE = 'must be a JSON array of {"id","url","password"} objects';

/** Parses the JSON text without ever quoting it back (it holds passwords). */
const nodesJson = z.string().transform((text, ctx): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: `is not valid JSON: ${NODES_MESSAGE}` });
    return z.NEVER;
  }
});

/** Variables of the Lavalink area: without LAVALINK_NODES the embedded audio node is used. */
export const lavalinkShape = {
  LAVALINK_NODES: nodesJson
    .pipe(
      z
        .array(nodeSchema, { error: NODES_MESSAGE })
        .min(1, { error: 'must list at least one node (or be left unset for the embedded audio node)' })
        .refine((nodes) => new Set(nodes.map((node) => node.id)).size === nodes.length, {
          error: 'node ids must be unique',
        }),
    )
    .optional()
    .meta({
      description: 'Lavalink v4 nodes as a JSON array of {id,url,password}. Absent: the embedded audio node.',
      example: '[{"id":"main","url":"http://lavalink:2333","password":"change-me"}]',
      secret: true,
      defaultText: 'embedded audio node',
    }),
};

/** Audio nodes: `config.lavalink`. */
export interface LavalinkConfig {
  /** `undefined` selects the embedded audio node. */
  readonly nodes: readonly LavalinkNodeConfig[] | undefined;
}

/** Builds {@link LavalinkConfig} from parsed variables. */
export function toLavalinkConfig(env: {
  readonly LAVALINK_NODES?: LavalinkNodeConfig[] | undefined;
}): LavalinkConfig {
  return { nodes: env.LAVALINK_NODES };
}
