/** An injected REST failure: the next `count` requests matching `route` get `status`. */
export interface RestFaultSpec {
  readonly status: number;
  readonly count: number;
  /** `"/channels/123/messages"` (path prefix after /api/v10) or `"POST /channels"`; every route when absent. */
  readonly route?: string;
  /** For 429: seconds in `retry_after` (default 1). */
  readonly retryAfter?: number;
}

interface PendingFault {
  readonly spec: RestFaultSpec;
  remaining: number;
}

/** Queue of injected REST failures, consumed in order by matching requests. */
export class RestFaults {
  private readonly pending: PendingFault[] = [];

  public add(spec: RestFaultSpec): void {
    this.pending.push({ spec, remaining: spec.count });
  }

  /** The fault this request gets, if any (consuming one of its count). */
  public take(method: string, path: string): RestFaultSpec | null {
    const index = this.pending.findIndex((f) => matches(f.spec.route, method, path));
    const fault = this.pending[index];
    if (fault === undefined) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.pending.splice(index, 1);
    return fault.spec;
  }
}

function matches(route: string | undefined, method: string, path: string): boolean {
  if (route === undefined) return true;
  const [first, second] = route.trim().split(/\s+/);
  if (second === undefined) return path.startsWith(first ?? '');
  return first?.toUpperCase() === method && path.startsWith(second);
}
