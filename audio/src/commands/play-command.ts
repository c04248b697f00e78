import type { GuildSettings } from '@discord-bot/database';
import type { LeftOut, Requester } from '@discord-bot/messaging';
import type { BackendTrack } from '../lavalink/backend-track.js';
import type { LoadOutcome } from '../lavalink/load-outcome.js';
import type { GuildPlayer } from '../player/guild-player.js';
import type { PlayerEngine } from '../player/player-engine.js';
import { toMessageTrack, type QueuedTrack } from '../player/queued-track.js';
import { done, formatDuration, refuse, type CommandImpl } from './command-support.js';
import { identifiersFor } from './search-sources.js';

type Found = Extract<LoadOutcome, { kind: 'track' | 'search' | 'playlist' }>;

/**
 * Loads the identifiers in order until one finds something; answers the last outcome and the identifier
 * that gave it.
 */
export async function loadFirstFound(
  engine: PlayerEngine,
  identifiers: readonly string[],
): Promise<{ readonly outcome: LoadOutcome; readonly identifier: string | undefined }> {
  let last: { outcome: LoadOutcome; identifier: string | undefined } = {
    outcome: { kind: 'empty' },
    identifier: undefined,
  };
  for (const identifier of identifiers) {
    last = { outcome: await engine.deps.backend.load(identifier), identifier };
    const { outcome } = last;
    if (outcome.kind !== 'empty' && !(outcome.kind === 'search' && outcome.tracks.length === 0)) return last;
  }
  return last;
}

const sameTrack = (a: BackendTrack, b: BackendTrack): boolean =>
  a.encoded === b.encoded || (a.info.uri !== null && a.info.uri === b.info.uri);

function isDuplicate(player: GuildPlayer | undefined, track: BackendTrack): boolean {
  if (player === undefined) return false;
  const queued = player.current === null ? player.queue : [player.current, ...player.queue];
  return queued.some((item) => sameTrack(item.track, track));
}

/**
 * Applies the guild's rules to what was found: too long, duplicates, queue room. What a playlist loses to
 * each rule is counted, so the answer can say what was left out and why.
 */
/** What {@link admit} lets in, and what it left out. */
interface Admitted {
  readonly ok: true;
  readonly tracks: BackendTrack[];
  readonly leftOut: LeftOut;
}

function admit(
  found: Found,
  settings: GuildSettings,
  player: GuildPlayer | undefined,
): Admitted | { readonly ok: false; readonly refusal: ReturnType<typeof refuse> } {
  const candidates = found.kind === 'search' ? found.tracks.slice(0, 1) : [...found.tracks];
  const max = settings.maxTrackDurationMs;
  const fitting = candidates.filter((t) => max === null || t.info.isStream || t.info.length <= max);
  if (fitting.length === 0) {
    return { ok: false, refusal: refuse('TRACK_TOO_LONG', { max: formatDuration(max ?? 0) }) };
  }
  const fresh = settings.duplicateGuard ? fitting.filter((t) => !isDuplicate(player, t)) : fitting;
  if (fresh.length === 0) return { ok: false, refusal: refuse('DUPLICATE_TRACK') };
  const queued = player?.queue.length ?? 0;
  // The first track plays at once when nothing is playing: it does not take a queue slot.
  const playsNow = player?.current == null ? 1 : 0;
  const room = settings.maxQueueLength - queued + playsNow;
  if (room <= 0) return { ok: false, refusal: refuse('QUEUE_FULL', { max: settings.maxQueueLength }) };
  const leftOut: LeftOut = {
    tooLong: candidates.length - fitting.length,
    duplicates: fitting.length - fresh.length,
    queueFull: Math.max(0, fresh.length - room),
    maxTrackDurationMs: max,
  };
  return { ok: true, tracks: fresh.slice(0, room), leftOut };
}

/** Time until queue index `index` starts; null when a live stream is ahead. */
function startsIn(engine: PlayerEngine, player: GuildPlayer, index: number): number | null {
  const current = player.current;
  if (current === null) return 0;
  if (current.track.info.isStream) return null;
  let ms = Math.max(0, current.track.info.length - engine.position(player));
  for (const item of player.queue.slice(0, index)) {
    if (item.track.info.isStream) return null;
    ms += item.track.info.length;
  }
  return ms;
}

/**
 * `play`: resolve the query (URL, prefixed search, or plain search through the available sources), apply the
 * guild's rules, queue at the end / next / now, and start playing when idle.
 *
 * It takes the guild's mutex itself, twice, and resolves the track between the two: a guild without a player
 * joins voice first, so Discord's voice events for the join (handled under the mutex) reach the node while
 * the track loads instead of after it. The bus runs a guild's commands one at a time, so no other command
 * comes in between; what may (voice and node events, timers) is read again afterwards. If nothing is
 * played, the player it created leaves again.
 */
export const play: CommandImpl<'play'> = async (engine, command) => {
  const { guildId, payload } = command;
  const settings = await engine.deps.settings.get(guildId);
  const identifiers = identifiersFor(
    payload.query,
    engine.deps.backend.sources(),
    settings.defaultSearchSource,
  );
  if (!identifiers.ok) return refuse('INVALID_INPUT', { reason: identifiers.error });
  const joining = engine.withGuild(guildId, () =>
    engine.get(guildId) === undefined
      ? engine.ensurePlayer(guildId, payload.voiceChannelId, payload.textChannelId)
      : Promise.resolve(undefined),
  );
  // Awaited on every path below; until then a failed join must not count as an unhandled rejection.
  joining.catch(() => undefined);
  let outcome: LoadOutcome;
  try {
    ({ outcome } = await loadFirstFound(engine, identifiers.value));
  } catch (error) {
    await engine.withGuild(guildId, () => leaveJoined(engine, joining));
    throw error;
  }
  return engine.withGuild(guildId, () => queueLoaded(engine, command, outcome, settings, joining));
};

/** The second half of {@link play}, under the guild's mutex: rules, queue, start. */
async function queueLoaded(
  engine: PlayerEngine,
  command: Parameters<CommandImpl<'play'>>[1],
  outcome: LoadOutcome,
  settings: GuildSettings,
  joining: Promise<GuildPlayer | undefined>,
): ReturnType<CommandImpl<'play'>> {
  const { guildId, payload } = command;
  const found = admitLoaded(outcome, settings, engine.get(guildId));
  if (!found.ok) {
    await leaveJoined(engine, joining);
    return found.refusal;
  }
  const { admitted } = found;
  // A join that failed fails the command, as when the join came after the load.
  await joining;
  const player = await engine.ensurePlayer(guildId, payload.voiceChannelId, payload.textChannelId);
  const items = admitted.tracks.map((track): QueuedTrack => ({ track, requester: payload.requester }));
  const placed = place(engine, player, items, payload.placement, payload.requester);
  engine.deps.ui.queueChanged(player, 'added');
  if (placed.startNow) await engine.startCurrent(player, 0);
  engine.persist(player);

  const first = items[0] as QueuedTrack;
  return done({
    firstTrack: toMessageTrack(first),
    addedCount: items.length,
    ...(outcome.kind === 'playlist'
      ? {
          playlist: {
            name: outcome.name,
            trackCount: outcome.tracks.length,
            truncated: admitted.leftOut.queueFull > 0,
            leftOut: admitted.leftOut,
          },
        }
      : {}),
    position: placed.position,
    startsInMs: placed.startsInMs,
  });
}

/** Applies the guild's rules to what the query found: what to queue, or why nothing. */
function admitLoaded(
  outcome: LoadOutcome,
  settings: GuildSettings,
  player: GuildPlayer | undefined,
):
  | { readonly ok: true; readonly admitted: Admitted }
  | { readonly ok: false; readonly refusal: ReturnType<typeof refuse> } {
  if (outcome.kind === 'empty') return { ok: false, refusal: refuse('NO_RESULTS') };
  if (outcome.kind === 'error') {
    return { ok: false, refusal: refuse('LOAD_FAILED', { reason: outcome.message }) };
  }
  if (outcome.tracks.length === 0) return { ok: false, refusal: refuse('NO_RESULTS') };
  const admitted = admit(outcome, settings, player);
  if (!admitted.ok) return admitted;
  return { ok: true, admitted };
}

/** Leaves the voice channel a refused play joined: its new player has nothing to play. */
async function leaveJoined(engine: PlayerEngine, joining: Promise<GuildPlayer | undefined>): Promise<void> {
  const player = await joining.catch(() => undefined);
  if (player !== undefined && player.current === null && engine.get(player.guildId) === player) {
    await engine.leave(player, 'left');
  }
}

function place(
  engine: PlayerEngine,
  player: GuildPlayer,
  items: readonly QueuedTrack[],
  placement: 'end' | 'next' | 'now',
  _requester: Requester,
): { startNow: boolean; position: number; startsInMs: number | null } {
  const [first, ...rest] = items as [QueuedTrack, ...QueuedTrack[]];
  if (player.current === null || placement === 'now') {
    if (player.current !== null) {
      engine.endTrack(player, player.current, 'replaced');
      player.remember(player.current);
    }
    player.current = first;
    player.paused = false;
    player.queue.unshift(...rest);
    return { startNow: true, position: 0, startsInMs: 0 };
  }
  if (placement === 'next') {
    player.queue.unshift(...items);
    return { startNow: false, position: 1, startsInMs: startsIn(engine, player, 0) };
  }
  const index = player.queue.length;
  player.queue.push(...items);
  return { startNow: false, position: index + 1, startsInMs: startsIn(engine, player, index) };
}
