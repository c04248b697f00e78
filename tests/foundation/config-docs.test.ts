import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeVariables } from '@discord-bot/config';
import { envExampleDefault, generatedConfigFiles } from '@discord-bot/config/docs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/spawn-entry.js';

describe('configuration documentation', () => {
  it.each(generatedConfigFiles(ROOT))(
    '$path matches the schemas (else run `npm run docs:config`)',
    (file) => {
      const current = readFileSync(join(ROOT, file.path), 'utf8');
      expect(current === file.content, `${file.path} is out of date: run npm run docs:config`).toBe(true);
    },
  );

  it('.env.example names every variable with its default', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    for (const variable of describeVariables()) {
      const line =
        variable.name === 'DISCORD_TOKEN'
          ? 'DISCORD_TOKEN='
          : `# ${variable.name}=${envExampleDefault(variable)}`;
      expect(example.split('\n'), variable.name).toContain(line);
    }
  });

  it('the README table lists every variable', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const variable of describeVariables()) expect(readme).toContain(`| \`${variable.name}\` |`);
  });
});
