/**
 * Cover art embedded in local files, served at `GET /artwork/{token}` so `Track.info.artworkUrl` can point
 * at it. Tokens are random and issued only for files the node loaded, so the route reveals nothing else;
 * the map is bounded (oldest tokens are forgotten first).
 */
import { randomBytes } from 'node:crypto';
import { parseFile } from 'music-metadata';

export const MAX_ARTWORK_TOKENS = 10_000;
/** Largest embedded picture served. */
export const MAX_ARTWORK_BYTES = 5 * 1024 * 1024;

export class ArtworkStore {
  private readonly tokens = new Map<string, string>();
  private readonly byPath = new Map<string, string>();
  private baseUrl: string | null = null;

  /** Set once the node listens (or to the configured public URL). */
  public setBaseUrl(url: string): void {
    this.baseUrl = url.replace(/\/+$/, '');
  }

  /** The artwork URL of a (real, checked) path that has embedded art; `null` before the node listens. */
  public urlFor(path: string): string | null {
    if (this.baseUrl === null) return null;
    let token = this.byPath.get(path);
    if (token === undefined) {
      token = randomBytes(16).toString('hex');
      this.tokens.set(token, path);
      this.byPath.set(path, token);
      if (this.tokens.size > MAX_ARTWORK_TOKENS) {
        const [oldest, oldPath] = this.tokens.entries().next().value as [string, string];
        this.tokens.delete(oldest);
        this.byPath.delete(oldPath);
      }
    }
    return `${this.baseUrl}/artwork/${token}`;
  }

  /** The picture behind a token, or `null` (unknown token, no art, unreadable file). */
  public async read(token: string): Promise<{ data: Uint8Array; format: string } | null> {
    const path = this.tokens.get(token);
    if (path === undefined) return null;
    try {
      const { common } = await parseFile(path, { duration: false, skipCovers: false });
      const picture = common.picture?.[0];
      if (picture === undefined || picture.data.length > MAX_ARTWORK_BYTES) return null;
      return { data: picture.data, format: picture.format };
    } catch {
      return null;
    }
  }
}
