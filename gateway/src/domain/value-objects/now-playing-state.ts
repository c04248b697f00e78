import type { LoopMode, Track } from '@discord-bot/messaging';

/** What a now-playing message shows for one guild, kept up to date from `ui:now`. */
export interface NowPlayingState {
  readonly track: Track;
  readonly positionMs: number;
  /** When `positionMs` was observed (ms since epoch): the position advances from it while playing. */
  readonly observedAt: number;
  readonly paused: boolean;
  readonly volume: number;
  readonly loop: LoopMode;
  readonly queueLength: number;
  /** The player stopped for good: the controls are disabled. */
  readonly stopped: boolean;
}

/** Where playback is now, extrapolated from the last observation while playing. */
export function currentPosition(state: NowPlayingState, now: number): number {
  const elapsed = state.paused || state.stopped ? 0 : Math.max(0, now - state.observedAt);
  const position = state.positionMs + elapsed;
  return state.track.durationMs > 0 ? Math.min(position, state.track.durationMs) : position;
}
