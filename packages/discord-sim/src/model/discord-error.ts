import type { JsonObject } from './entities.js';

/** Discord's error body: `{code, message, errors?}`. */
export interface DiscordErrorBody {
  readonly code: number;
  readonly message: string;
  readonly errors?: JsonObject;
}

/** A REST failure as Discord answers it: HTTP status and body. */
export interface RestFailure {
  readonly status: number;
  readonly body: DiscordErrorBody;
}

function failure(status: number, code: number, message: string): RestFailure {
  return { status, body: { code, message } };
}

/** The JSON error codes the simulator answers, with Discord's wording. */
export const DiscordErrors = {
  unauthorized: () => failure(401, 0, '401: Unauthorized'),
  notFound: () => failure(404, 0, '404: Not Found'),
  methodNotAllowed: () => failure(405, 0, '405: Method Not Allowed'),
  unknownApplication: () => failure(404, 10002, 'Unknown Application'),
  unknownChannel: () => failure(404, 10003, 'Unknown Channel'),
  unknownGuild: () => failure(404, 10004, 'Unknown Guild'),
  unknownMember: () => failure(404, 10007, 'Unknown Member'),
  unknownMessage: () => failure(404, 10008, 'Unknown Message'),
  unknownRole: () => failure(404, 10011, 'Unknown Role'),
  unknownUser: () => failure(404, 10013, 'Unknown User'),
  unknownWebhook: () => failure(404, 10015, 'Unknown Webhook'),
  unknownCommand: () => failure(404, 10063, 'Unknown application command'),
  unknownInteraction: () => failure(404, 10062, 'Unknown interaction'),
  cannotEditOthers: () => failure(403, 50005, 'Cannot edit a message authored by another user'),
  emptyMessage: () => failure(400, 50006, 'Cannot send an empty message'),
  nonTextChannel: () => failure(400, 50008, 'Cannot send messages in a non-text channel'),
  missingAccess: () => failure(403, 50001, 'Missing Access'),
  missingPermissions: () => failure(403, 50013, 'Missing Permissions'),
  invalidWebhookToken: () => failure(401, 50027, 'Invalid Webhook Token'),
  invalidJson: () => failure(400, 50109, 'The request body contains invalid JSON.'),
  alreadyAcknowledged: () => failure(400, 40060, 'Interaction has already been acknowledged.'),
  invalidFormBody: (errors: JsonObject) => ({
    status: 400,
    body: { code: 50035, message: 'Invalid Form Body', errors },
  }),
} as const satisfies Record<string, (...args: never[]) => RestFailure>;

/** A 50035 body with one error at `path`. */
export function fieldError(path: readonly string[], code: string, message: string): RestFailure {
  const root: JsonObject = {};
  let node = root;
  for (const key of path) {
    const next: JsonObject = {};
    node[key] = next;
    node = next;
  }
  node['_errors'] = [{ code, message }];
  return DiscordErrors.invalidFormBody(root);
}
