import { apiShape } from './api.js';
import { audioShape } from './audio.js';
import { embeddedAudioNodeShape } from './audio-node.js';
import { databaseShape } from './database.js';
import { discordShape } from './discord.js';
import { featuresShape } from './features.js';
import { httpHostShape, portShapes } from './http.js';
import { lavalinkShape } from './lavalink.js';
import { logShape } from './log.js';
import { redisShape } from './redis.js';
import { workerShape } from './worker.js';

/** The areas in documentation order, each with the names of its variables. */
export const CONFIG_AREAS: readonly { readonly title: string; readonly variables: readonly string[] }[] = [
  { title: 'Discord', variables: Object.keys(discordShape) },
  {
    title: 'HTTP servers',
    variables: [
      ...Object.keys(httpHostShape),
      ...Object.values(portShapes).flatMap((shape) => Object.keys(shape)),
    ],
  },
  { title: 'API', variables: Object.keys(apiShape) },
  { title: 'Worker', variables: Object.keys(workerShape) },
  { title: 'Audio', variables: Object.keys(audioShape) },
  { title: 'Database', variables: Object.keys(databaseShape) },
  { title: 'Redis', variables: Object.keys(redisShape) },
  { title: 'Lavalink', variables: Object.keys(lavalinkShape) },
  { title: 'Audio node', variables: Object.keys(embeddedAudioNodeShape) },
  { title: 'Features', variables: Object.keys(featuresShape) },
  { title: 'Logging', variables: Object.keys(logShape) },
];
