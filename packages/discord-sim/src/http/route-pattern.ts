/** A path template such as `/channels/:channelId/messages/:messageId`, matched segment by segment. */
export class RoutePattern {
  private readonly segments: readonly string[];

  public constructor(public readonly template: string) {
    this.segments = template.split('/').filter((s) => s.length > 0);
  }

  /** The named parameters when `path` matches (segments already URL-decoded), else null. */
  public match(segments: readonly string[]): Record<string, string> | null {
    if (segments.length !== this.segments.length) return null;
    const params: Record<string, string> = {};
    for (const [i, expected] of this.segments.entries()) {
      const actual = segments[i] ?? '';
      if (expected.startsWith(':')) params[expected.slice(1)] = actual;
      else if (expected !== actual) return null;
    }
    return params;
  }
}

/** Splits a URL path into decoded segments (`%40original` becomes `@original`); null when undecodable. */
export function pathSegments(path: string): string[] | null {
  try {
    return path
      .split('/')
      .filter((s) => s.length > 0)
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}
