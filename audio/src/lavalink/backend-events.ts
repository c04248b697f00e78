/** Why Lavalink ended a track. */
export type BackendEndReason = 'finished' | 'loadFailed' | 'stopped' | 'replaced' | 'cleanup';

/** What the audio nodes report, translated from the Lavalink v4 protocol at the edge. */
export type BackendEvent =
  | { readonly type: 'trackStart'; readonly guildId: string; readonly encoded: string }
  | {
      readonly type: 'trackEnd';
      readonly guildId: string;
      readonly encoded: string;
      readonly reason: BackendEndReason;
    }
  | {
      readonly type: 'trackException';
      readonly guildId: string;
      readonly encoded: string;
      readonly message: string;
      readonly severity: string;
    }
  | { readonly type: 'trackStuck'; readonly guildId: string; readonly encoded: string }
  | {
      readonly type: 'socketClosed';
      readonly guildId: string;
      readonly code: number;
      readonly byRemote: boolean;
    }
  | { readonly type: 'nodeUp'; readonly nodeId: string }
  | { readonly type: 'nodeDown'; readonly nodeId: string };

/** Receives {@link BackendEvent}s; must not throw. */
export type BackendListener = (event: BackendEvent) => void;

const END_REASONS = new Set<string>(['finished', 'loadFailed', 'stopped', 'replaced', 'cleanup']);

/** Translates one raw Lavalink v4 WebSocket message into a {@link BackendEvent}, if it is one we use. */
export function toBackendEvent(payload: unknown): BackendEvent | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const message = payload as Record<string, unknown>;
  if (message['op'] !== 'event' || typeof message['guildId'] !== 'string') return undefined;
  const guildId = message['guildId'];
  const track = message['track'] as { encoded?: unknown } | undefined;
  const encoded = typeof track?.encoded === 'string' ? track.encoded : '';
  switch (message['type']) {
    case 'TrackStartEvent':
      return { type: 'trackStart', guildId, encoded };
    case 'TrackEndEvent': {
      const reason = String(message['reason']);
      return END_REASONS.has(reason)
        ? { type: 'trackEnd', guildId, encoded, reason: reason as BackendEndReason }
        : undefined;
    }
    case 'TrackExceptionEvent': {
      const exception = (message['exception'] ?? {}) as { message?: unknown; severity?: unknown };
      return {
        type: 'trackException',
        guildId,
        encoded,
        message: typeof exception.message === 'string' ? exception.message : 'playback failed',
        severity: typeof exception.severity === 'string' ? exception.severity : 'fault',
      };
    }
    case 'TrackStuckEvent':
      return { type: 'trackStuck', guildId, encoded };
    case 'WebSocketClosedEvent':
      return {
        type: 'socketClosed',
        guildId,
        code: typeof message['code'] === 'number' ? message['code'] : 0,
        byRemote: message['byRemote'] === true,
      };
    default:
      return undefined;
  }
}
