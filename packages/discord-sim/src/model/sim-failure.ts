import { AppError, err, type Result } from '@discord-bot/errors';

/** Why the simulator refused an operation, with the HTTP status the control API answers. */
export interface SimFailure {
  readonly status: 400 | 403 | 404 | 409;
  readonly message: string;
}

export type SimResult<T> = Result<T, SimFailure>;

export function notFound(message: string): { readonly ok: false; readonly error: SimFailure } {
  return err({ status: 404, message });
}

export function badRequest(message: string): { readonly ok: false; readonly error: SimFailure } {
  return err({ status: 400, message });
}

/** Thrown by the programmatic API when the simulator refused an operation (the control API answers 4xx). */
export class SimulatorRequestError extends AppError {
  public readonly status: number;

  public constructor(failure: SimFailure) {
    super('SIM_REQUEST_REJECTED', failure.message, { details: { status: failure.status } });
    this.status = failure.status;
  }
}

/** The value of a successful result, or a {@link SimulatorRequestError}. */
export function unwrap<T>(result: SimResult<T>): T {
  if (!result.ok) throw new SimulatorRequestError(result.error);
  return result.value;
}
