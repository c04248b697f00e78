import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PipelineWorkerData } from './worker-protocol.js';

/**
 * Starts a pipeline worker. Built code runs `pipeline-worker.js` directly; under `tsx`/Vitest the sources
 * are TypeScript, so a tiny bootstrap registers tsx's loader inside the worker first (workers do not
 * inherit loader hooks on Node 20).
 */
export function spawnPipelineWorker(
  workerData: PipelineWorkerData,
  env: NodeJS.ProcessEnv = process.env,
): Worker {
  const typescript = import.meta.url.endsWith('.ts');
  const entry = new URL(`./pipeline-worker.${typescript ? 'ts' : 'js'}`, import.meta.url);
  if (!typescript) return new Worker(entry, { env, workerData });
  // The ESM build of tsx's API: `require.resolve` would pick the CommonJS one, which cannot register ESM hooks.
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, env, workerData });
}
