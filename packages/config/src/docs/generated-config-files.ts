import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeVariables } from '../variable-catalog.js';
import {
  renderConfigurationDoc,
  renderEnvExample,
  renderReadmeTable,
  replaceReadmeTable,
} from './render-config-docs.js';

/** A file generated from the schemas: where it lives and what it must contain. */
export interface GeneratedFile {
  /** Relative to the repository root. */
  readonly path: string;
  readonly content: string;
}

/** The files the configuration schemas generate, for the repository at `root`. */
export function generatedConfigFiles(root: string): GeneratedFile[] {
  const variables = describeVariables();
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  return [
    { path: 'README.md', content: replaceReadmeTable(readme, renderReadmeTable(variables)) },
    { path: 'docs/CONFIGURATION.md', content: renderConfigurationDoc(variables) },
    { path: '.env.example', content: renderEnvExample(variables) },
  ];
}
