import { textField, urlField } from '../fields.js';

/** Variables of the database area: without DATABASE_URL the embedded PGlite database takes over. */
export const databaseShape = {
  DATABASE_URL: urlField(['postgres', 'postgresql']).optional().meta({
    description: 'PostgreSQL connection string. Absent: an embedded PGlite database in DATA_DIR.',
    example: 'postgres://bot:secret@127.0.0.1:5432/bot',
    secret: true,
    defaultText: 'embedded PGlite',
  }),
  DATA_DIR: textField().prefault('./data').meta({
    description: 'Directory for the embedded database and other local state.',
    example: '/var/lib/bot',
  }),
};

/** Where data lives: `config.database`. */
export interface DatabaseConfig {
  /** `undefined` selects the embedded PGlite database in `dataDir`. */
  readonly url: string | undefined;
  readonly dataDir: string;
}

/** Builds {@link DatabaseConfig} from parsed variables. */
export function toDatabaseConfig(env: {
  readonly DATABASE_URL?: string | undefined;
  readonly DATA_DIR: string;
}): DatabaseConfig {
  return { url: env.DATABASE_URL, dataDir: env.DATA_DIR };
}
