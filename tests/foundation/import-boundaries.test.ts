import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/spawn-entry.js';

/** Services reach each other only over the bus and the database; only the single-node launcher composes them. */
const SERVICES = ['gateway', 'audio', 'api', 'worker', 'single-node'];
const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

const workspaces = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] })
  .workspaces;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.parentPath.includes('node_modules'),
    )
    .map((entry) => join(entry.parentPath, entry.name));
}

function violations(workspace: string): string[] {
  const root = join(ROOT, workspace);
  const found: string[] = [];
  for (const file of sourceFiles(root)) {
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const where = `${relative(ROOT, file)} imports ${specifier}`;
      if (specifier.startsWith('.')) {
        const target = resolve(file, '..', specifier);
        if (target !== root && !target.startsWith(root + sep)) found.push(`${where} (outside ${workspace})`);
        continue;
      }
      const service = /^@discord-bot\/([\w-]+)/.exec(specifier)?.[1];
      const importer = workspace.split('/').pop() ?? '';
      if (
        service !== undefined &&
        SERVICES.includes(service) &&
        service !== importer &&
        importer !== 'single-node'
      ) {
        found.push(`${where} (a service may not import another service)`);
      }
    }
  }
  return found;
}

describe('import boundaries', () => {
  it.each(workspaces)(
    '%s imports other workspaces only by package name, and no other service',
    (workspace) => {
      expect(violations(workspace)).toEqual([]);
    },
  );
});
