import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { apiShape } from './areas/api.js';
import { audioShape, toAudioAreaConfig } from './areas/audio.js';
import { audioNodeShape, embeddedAudioNodeShape, toAudioNodeConfig } from './areas/audio-node.js';
import { databaseShape, toDatabaseConfig } from './areas/database.js';
import {
  botUserIdOf,
  checkShards,
  discordIdentityShape,
  discordShape,
  toDiscordConfig,
} from './areas/discord.js';
import { featuresShape, toFeaturesConfig } from './areas/features.js';
import { httpHostShape, portShapes } from './areas/http.js';
import { lavalinkShape, toLavalinkConfig } from './areas/lavalink.js';
import { logShape, toLogConfig } from './areas/log.js';
import { redisShape, toRedisConfig } from './areas/redis.js';
import { workerShape } from './areas/worker.js';
import type { ServiceConfigs, ServiceName } from './service-configs.js';

/** Bytes of randomness in a generated embedded-node password. */
const GENERATED_PASSWORD_BYTES = 24;

const base = { ...logShape };
const server = { ...logShape, ...httpHostShape };
const data = { ...databaseShape, ...redisShape };

const gateway = z
  .object({ ...server, ...portShapes.gateway, ...discordShape, ...data, ...featuresShape })
  .superRefine(checkShards)
  .transform((env) => ({
    nodeEnv: env.NODE_ENV,
    log: toLogConfig(env),
    http: { host: env.HTTP_HOST, port: env.GATEWAY_PORT },
    discord: toDiscordConfig(env),
    database: toDatabaseConfig(env),
    redis: toRedisConfig(env),
    features: toFeaturesConfig(env),
  }));

const audio = z
  .object({
    ...server,
    ...portShapes.audio,
    ...audioShape,
    ...lavalinkShape,
    ...data,
    ...featuresShape,
    ...embeddedAudioNodeShape,
    ...discordIdentityShape,
  })
  .transform((env) => ({
    nodeEnv: env.NODE_ENV,
    log: toLogConfig(env),
    http: { host: env.HTTP_HOST, port: env.AUDIO_PORT },
    botUserId: botUserIdOf({ applicationId: env.DISCORD_APPLICATION_ID, token: env.DISCORD_TOKEN }),
    audio: toAudioAreaConfig(env),
    lavalink: toLavalinkConfig(env),
    database: toDatabaseConfig(env),
    redis: toRedisConfig(env),
    features: toFeaturesConfig(env),
    audioNode: toAudioNodeConfig(
      env,
      env.AUDIO_NODE_PASSWORD ?? randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url'),
    ),
  }));

const api = z.object({ ...server, ...apiShape, ...data, ...featuresShape }).transform((env) => ({
  nodeEnv: env.NODE_ENV,
  log: toLogConfig(env),
  http: { host: env.HTTP_HOST, port: env.API_PORT },
  database: toDatabaseConfig(env),
  redis: toRedisConfig(env),
  features: toFeaturesConfig(env),
}));

const worker = z.object({ ...server, ...workerShape, ...data }).transform((env) => ({
  nodeEnv: env.NODE_ENV,
  log: toLogConfig(env),
  http: { host: env.HTTP_HOST, port: env.WORKER_PORT },
  database: toDatabaseConfig(env),
  redis: toRedisConfig(env),
}));

const audioNode = z.object({ ...base, ...audioNodeShape }).transform((env) => ({
  nodeEnv: env.NODE_ENV,
  log: toLogConfig(env),
  audioNode: toAudioNodeConfig(env, env.AUDIO_NODE_PASSWORD),
}));

const singleNode = z
  .object({
    ...server,
    ...portShapes.singleNode,
    ...discordShape,
    ...data,
    ...audioShape,
    ...lavalinkShape,
    ...featuresShape,
    ...embeddedAudioNodeShape,
  })
  .superRefine(checkShards)
  .transform((env) => ({
    nodeEnv: env.NODE_ENV,
    log: toLogConfig(env),
    http: { host: env.HTTP_HOST, port: env.PORT },
    discord: toDiscordConfig(env),
    database: toDatabaseConfig(env),
    redis: toRedisConfig(env),
    audio: toAudioAreaConfig(env),
    lavalink: toLavalinkConfig(env),
    features: toFeaturesConfig(env),
    audioNode: toAudioNodeConfig(
      env,
      env.AUDIO_NODE_PASSWORD ?? randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url'),
    ),
  }));

/** The Zod schema of each service: input is the environment, output its typed config. */
export const SERVICE_SCHEMAS = {
  gateway,
  audio,
  api,
  worker,
  'audio-node': audioNode,
  'single-node': singleNode,
} as const satisfies { [N in ServiceName]: z.ZodType<ServiceConfigs[N]> };
