import { fileURLToPath } from 'node:url';

/** The committed SQL migrations, next to `src/` and `dist/` alike. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));
