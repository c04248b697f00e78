/** A REST failure with Lavalink's status and message; the server renders it as Lavalink's error body. */
export class HttpError extends Error {
  public constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
