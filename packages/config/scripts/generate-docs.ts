/**
 * Writes README.md's configuration table, docs/CONFIGURATION.md and .env.example from the config schemas.
 * `--check` writes nothing and exits 1 when a file differs (the drift test does the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generatedConfigFiles } from '@discord-bot/config/docs';

const root = resolve(import.meta.dirname, '../../..');
const check = process.argv.includes('--check');
let stale = 0;
for (const file of generatedConfigFiles(root)) {
  const path = join(root, file.path);
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // Missing: generated below, or reported as stale.
  }
  if (current === file.content) continue;
  stale += 1;
  if (check) console.error(`${file.path} is out of date: run npm run docs:config`);
  else {
    writeFileSync(path, file.content);
    console.log(`wrote ${file.path}`);
  }
}
if (check && stale > 0) process.exit(1);
if (!check && stale === 0) console.log('configuration docs are up to date');
