const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True when `value` can be compared with a uuid column. Ids come from users (API paths, command options):
 * a malformed one is "not found", not a SQL error.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
