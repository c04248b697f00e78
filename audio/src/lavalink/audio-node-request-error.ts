import { AppError } from '@discord-bot/errors';

/** An audio node refused a player update (HTTP error): the change did not happen on the node. */
export class AudioNodeRequestError extends AppError {
  declare public readonly code: 'AUDIO_NODE_REQUEST_FAILED';

  public constructor(message: string, details: Readonly<Record<string, unknown>> = {}) {
    super('AUDIO_NODE_REQUEST_FAILED', message, { details });
  }
}
