import { err, ok } from '@discord-bot/errors';
import type { UserErrorCode } from '@discord-bot/errors';
import {
  userCommandError,
  type CommandEnvelope,
  type CommandError,
  type CommandOutcome,
  type CommandType,
} from '@discord-bot/messaging';
import type { GuildPlayer } from '../player/guild-player.js';
import type { PlayerEngine } from '../player/player-engine.js';

/** One command's implementation; runs under the guild mutex (`play` takes it itself, see its doc). */
export type CommandImpl<T extends CommandType> = (
  engine: PlayerEngine,
  command: CommandEnvelope<T>,
) => Promise<CommandOutcome<T>>;

/** A failed outcome with a user-facing code (fits every command's outcome). */
export function refuse(
  code: UserErrorCode,
  context: Readonly<Record<string, string | number>> = {},
): { readonly ok: false; readonly error: CommandError } {
  return err(userCommandError(code, context));
}

/** A successful outcome. */
export const done = ok;

/** The guild's player with a current track, or the NOTHING_PLAYING refusal. */
export function playing(
  engine: PlayerEngine,
  guildId: string,
): { player: GuildPlayer; current: NonNullable<GuildPlayer['current']> } | undefined {
  const player = engine.get(guildId);
  if (player?.current == null) return undefined;
  return { player, current: player.current };
}

/** `m:ss` or `h:mm:ss`. */
export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1_000);
  const hours = Math.floor(total / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
