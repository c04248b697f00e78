/** Faults the simulator can inject (`POST /_sim/faults`). */
export type FaultSpec =
  /** Every gateway connection drops; without `code` abruptly (the client sees 1006), else closed with it. */
  | { readonly kind: 'gateway-disconnect'; readonly code?: number }
  /** Op 7 RECONNECT to every gateway connection. */
  | { readonly kind: 'gateway-reconnect' }
  /** Op 9 INVALID_SESSION (`d: resumable`, default false) to every gateway connection. */
  | { readonly kind: 'invalid-session'; readonly resumable?: boolean }
  /** The next `count` REST requests (matching `route`) answer `status`. */
  | {
      readonly kind: 'rest-errors';
      readonly status: number;
      readonly count: number;
      readonly route?: string;
      readonly retryAfter?: number;
    }
  /** The voice server closes the guild's bot voice connections with `code`. */
  | { readonly kind: 'voice-close'; readonly guildId: string; readonly code: number }
  /** The voice server drops every voice socket (of one guild, or all) as a crash does (4015). */
  | { readonly kind: 'voice-server-crash'; readonly guildId?: string };

export type FaultKind = FaultSpec['kind'];
