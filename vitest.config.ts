import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transform } from 'esbuild';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * Workspace aliases: every `@discord-bot/*` import (and its sub-path exports) resolves to the package's
 * TypeScript source through the `source` export condition, so tests run without a build.
 */
function workspaceAliases(): { find: string | RegExp; replacement: string }[] {
  const root = import.meta.dirname;
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  const aliases: { find: string | RegExp; replacement: string }[] = [];
  for (const dir of workspaces) {
    const manifestPath = join(root, dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      name: string;
      exports?: Record<string, { source?: string } | string>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (typeof target === 'string' || target.source === undefined) continue;
      const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
      aliases.push({
        find: new RegExp(`^${specifier.replace(/[/.]/g, '\\$&')}$`),
        replacement: resolve(root, dir, target.source),
      });
    }
  }
  return aliases;
}

/**
 * Vite 8 transforms TypeScript with oxc, which does not lower TC39 (TypeScript 5) decorators yet, and Node 20
 * cannot run them. Files that use decorators go through esbuild first (the same transform tsx applies at run
 * time), so tests and `npm start` execute identical code.
 */
function standardDecorators(): Plugin {
  return {
    name: 'standard-decorators',
    enforce: 'pre',
    async transform(code, id) {
      if (!id.endsWith('.ts') || id.includes('/node_modules/') || !/^\s*@[A-Za-z]/m.test(code)) return null;
      const result = await transform(code, {
        loader: 'ts',
        target: 'es2022',
        format: 'esm',
        sourcemap: true,
        sourcefile: id,
      });
      return { code: result.code, map: result.map };
    },
  };
}

export default defineConfig({
  plugins: [standardDecorators()],
  resolve: { alias: workspaceAliases(), conditions: ['source'] },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      '{gateway,audio,api,worker,audio-node,single-node}/test/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // The default output, then how many tests were skipped for want of PostgreSQL/Redis and how to enable them.
    reporters: ['default', './tests/support/server-skip-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Creates the simulator's test certificate authority and trusts it in every worker (NODE_EXTRA_CA_CERTS).
    globalSetup: ['packages/discord-sim/test-support/test-ca.global-setup.ts'],
  },
});
