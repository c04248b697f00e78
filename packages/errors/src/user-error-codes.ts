/** How one user-facing error code is shown: a friendly sentence and the API status it maps to. */
export interface UserErrorEntry {
  readonly message: string;
  readonly httpStatus: number;
}

/**
 * Every code a user can see, in one place so translations and the API documentation have one source.
 * Messages are short, say what happened and, when possible, what to do next. `{placeholders}` are filled
 * from the error's context.
 */
export const USER_ERROR_CATALOG = {
  INVALID_INPUT: { message: 'That input is not valid: {reason}', httpStatus: 400 },
  NOT_IN_VOICE: { message: 'Join a voice channel first.', httpStatus: 409 },
  NOT_IN_SAME_VOICE: { message: 'You need to be in my voice channel to do that.', httpStatus: 409 },
  MISSING_PERMISSION: { message: 'You need the {permission} permission to do that.', httpStatus: 403 },
  DJ_ONLY: { message: 'Only members with the DJ role can do that here.', httpStatus: 403 },
  PREMIUM_REQUIRED: { message: 'This needs the {tier} tier on this server.', httpStatus: 402 },
  RATE_LIMITED: { message: 'Slow down a little: try again in {seconds} s.', httpStatus: 429 },
  NOTHING_PLAYING: { message: 'Nothing is playing right now.', httpStatus: 409 },
  QUEUE_EMPTY: { message: 'The queue is empty.', httpStatus: 409 },
  QUEUE_FULL: { message: 'The queue is full ({max} tracks).', httpStatus: 409 },
  TRACK_TOO_LONG: { message: 'That track is longer than this server allows ({max}).', httpStatus: 422 },
  DUPLICATE_TRACK: { message: 'That track is already in the queue.', httpStatus: 409 },
  NO_RESULTS: { message: 'Nothing found for that search.', httpStatus: 404 },
  LOAD_FAILED: { message: 'Could not load that track: {reason}', httpStatus: 422 },
  POSITION_OUT_OF_RANGE: {
    message: 'Position {position} is outside the queue (1 to {max}).',
    httpStatus: 400,
  },
  PLAYER_UNAVAILABLE: { message: 'The player is not responding, try again in a moment.', httpStatus: 503 },
  COMMAND_EXPIRED: {
    message: 'That request took too long and was dropped, please try again.',
    httpStatus: 504,
  },
  NOT_FOUND: { message: 'That {what} does not exist.', httpStatus: 404 },
  UNAUTHORIZED: { message: 'Authentication is required.', httpStatus: 401 },
  FORBIDDEN: { message: 'You are not allowed to do that.', httpStatus: 403 },
  INTERNAL: { message: 'Something went wrong on our side. It has been logged.', httpStatus: 500 },
} as const satisfies Record<string, UserErrorEntry>;

/** A code from {@link USER_ERROR_CATALOG}. */
export type UserErrorCode = keyof typeof USER_ERROR_CATALOG;

/** True when `code` names a catalog entry. */
export function isUserErrorCode(code: string): code is UserErrorCode {
  return Object.hasOwn(USER_ERROR_CATALOG, code);
}
