import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FingerprintStore } from '../../domain/repositories/fingerprint-store.js';

/** A {@link FingerprintStore} in a JSON file (in DATA_DIR), written atomically. */
export class FileFingerprintStore implements FingerprintStore {
  public constructor(private readonly path: string) {}

  public async read(scope: string): Promise<string | undefined> {
    const all = await this.#load();
    return all[scope];
  }

  public async write(scope: string, fingerprint: string): Promise<void> {
    const all = { ...(await this.#load()), [scope]: fingerprint };
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(all, null, 2)}\n`, 'utf8');
    await rename(temporary, this.path);
  }

  async #load(): Promise<Record<string, string>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.path, 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
    } catch {
      // Missing or unreadable: register again, which is always safe.
      return {};
    }
  }
}

/** A {@link FingerprintStore} in memory (tests). */
export class MemoryFingerprintStore implements FingerprintStore {
  readonly #values = new Map<string, string>();

  public read(scope: string): Promise<string | undefined> {
    return Promise.resolve(this.#values.get(scope));
  }

  public write(scope: string, fingerprint: string): Promise<void> {
    this.#values.set(scope, fingerprint);
    return Promise.resolve();
  }
}
