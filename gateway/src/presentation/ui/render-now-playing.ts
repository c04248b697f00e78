import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord.js';
import { currentPosition, type NowPlayingState } from '../../domain/value-objects/now-playing-state.js';
import { ComponentIds, nextLoopMode } from './component-ids.js';
import { progressBar } from './progress-bar.js';

/** Discord's limits on embed fields. */
const EMBED_TITLE_MAX = 256;
const EMBED_URL_MAX = 2_048;

const LOOP_LABELS = { off: 'Off', track: 'Track', queue: 'Queue' } as const;

/** A now-playing message body (embed and controls) as Discord's JSON. */
export interface NowPlayingMessage {
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIButtonComponent>[];
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function button(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger,
  disabled: boolean,
): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: customId, label, style, disabled };
}

/** The controls: previous, pause/resume, skip, stop, loop (to the next mode), shuffle. */
export function renderControls(
  state: Pick<NowPlayingState, 'paused' | 'loop'>,
  disabled: boolean,
): APIActionRowComponent<APIButtonComponent>[] {
  const toggle = state.paused
    ? button(ComponentIds.control('resume'), '▶ Resume', ButtonStyle.Success, disabled)
    : button(ComponentIds.control('pause'), '⏸ Pause', ButtonStyle.Secondary, disabled);
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(ComponentIds.control('previous'), '⏮ Previous', ButtonStyle.Secondary, disabled),
        toggle,
        button(ComponentIds.control('skip'), '⏭ Skip', ButtonStyle.Secondary, disabled),
        button(ComponentIds.control('stop'), '⏹ Stop', ButtonStyle.Danger, disabled),
      ],
    },
    {
      type: ComponentType.ActionRow,
      components: [
        button(
          ComponentIds.loop(nextLoopMode(state.loop)),
          `🔁 Loop: ${LOOP_LABELS[state.loop]}`,
          ButtonStyle.Secondary,
          disabled,
        ),
        button(ComponentIds.control('shuffle'), '🔀 Shuffle', ButtonStyle.Secondary, disabled),
      ],
    },
  ];
}

/**
 * Renders the now-playing message: title (linked), artist, artwork, requester, a progress bar with times,
 * volume, loop mode and queue length, and the controls (disabled once the player stopped).
 */
export function renderNowPlaying(state: NowPlayingState, now: number): NowPlayingMessage {
  const { track } = state;
  const status = state.stopped ? '⏹ Stopped' : state.paused ? '⏸ Paused' : '▶ Now playing';
  const embed: APIEmbed = {
    author: { name: status },
    title: truncate(track.title || 'Unknown title', EMBED_TITLE_MAX),
    description: [
      `by **${truncate(track.author || 'Unknown artist', 200)}**`,
      '',
      progressBar(currentPosition(state, now), track.durationMs, track.isStream),
    ].join('\n'),
    fields: [
      { name: 'Requested by', value: `<@${track.requester.userId}>`, inline: true },
      { name: 'Volume', value: `${state.volume}%`, inline: true },
      { name: 'Loop', value: LOOP_LABELS[state.loop], inline: true },
      { name: 'Up next', value: `${state.queueLength} in queue`, inline: true },
    ],
  };
  if (track.uri !== null && /^https?:\/\//.test(track.uri) && track.uri.length <= EMBED_URL_MAX) {
    embed.url = track.uri;
  }
  if (track.artworkUrl !== null && /^https?:\/\//.test(track.artworkUrl)) {
    embed.thumbnail = { url: track.artworkUrl };
  }
  return { embeds: [embed], components: renderControls(state, state.stopped) };
}
