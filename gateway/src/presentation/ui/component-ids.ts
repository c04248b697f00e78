import type { LoopMode } from '@discord-bot/messaging';

/** How a button's interaction is acknowledged before its command runs. */
export type ComponentAck =
  /** An ephemeral "thinking" reply, then the command's answer (now-playing controls). */
  | 'ephemeral'
  /** The message the button sits on is edited with the command's answer (queue pages). */
  | 'update';

/** The command a button acts as, with the options it passes. */
export interface ComponentRoute {
  readonly commandName: string;
  readonly rawOptions: Readonly<Record<string, string | number>>;
  readonly ack: ComponentAck;
}

const LOOP_MODES: readonly LoopMode[] = ['off', 'track', 'queue'];
const SIMPLE_CONTROLS = new Set(['previous', 'pause', 'resume', 'skip', 'stop', 'shuffle']);

/** Custom ids of the buttons this bot puts on its messages. */
export const ComponentIds = {
  control: (command: 'previous' | 'pause' | 'resume' | 'skip' | 'stop' | 'shuffle') => `np:${command}`,
  loop: (next: LoopMode) => `np:loop:${next}`,
  queuePage: (page: number) => `queue:${page}`,
} as const;

/** The loop mode a loop button switches to: off -> track -> queue -> off. */
export function nextLoopMode(mode: LoopMode): LoopMode {
  return LOOP_MODES[(LOOP_MODES.indexOf(mode) + 1) % LOOP_MODES.length] ?? 'off';
}

/**
 * Maps a button's custom id to the command it acts as, so buttons go through the same dispatcher, checks
 * and rate limits as slash commands. Unknown or malformed ids (old messages, crafted requests) give undefined.
 */
export function parseComponentId(customId: string): ComponentRoute | undefined {
  const [scope, action, argument, ...rest] = customId.split(':');
  if (rest.length > 0) return undefined;
  if (scope === 'np' && action !== undefined) {
    if (argument === undefined && SIMPLE_CONTROLS.has(action)) {
      return { commandName: action, rawOptions: {}, ack: 'ephemeral' };
    }
    if (action === 'loop' && LOOP_MODES.includes(argument as LoopMode)) {
      return { commandName: 'loop', rawOptions: { mode: argument as LoopMode }, ack: 'ephemeral' };
    }
    return undefined;
  }
  if (scope === 'queue' && argument === undefined && action !== undefined && /^\d{1,6}$/.test(action)) {
    const page = Number(action);
    return page >= 1 ? { commandName: 'queue', rawOptions: { page }, ack: 'update' } : undefined;
  }
  return undefined;
}
