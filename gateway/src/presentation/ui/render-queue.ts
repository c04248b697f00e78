import type { CommandResult } from '@discord-bot/messaging';
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord.js';
import { ComponentIds } from './component-ids.js';
import { describeTrack } from './describe-track.js';
import { formatDuration } from './format-duration.js';

/** One page of the queue as an embed with previous/next page buttons. */
export function renderQueuePage(page: CommandResult<'queuePage'>): {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
} {
  const lines = page.tracks.map(({ position, track }) => `\`${position}.\` ${describeTrack(track)}`);
  const current = page.current === null ? 'Nothing' : describeTrack(page.current);
  const embed: APIEmbed = {
    title: 'Queue',
    description: [`**Now:** ${current}`, '', ...(lines.length === 0 ? ['The queue is empty.'] : lines)]
      .join('\n')
      .slice(0, 4_096),
    footer: {
      text: `Page ${page.page} of ${Math.max(1, page.pageCount)} · ${page.total} track(s) · ${formatDuration(page.totalDurationMs)}`,
    },
  };
  const pages = Math.max(1, page.pageCount);
  const components: APIActionRowComponent<APIButtonComponent>[] =
    pages <= 1
      ? []
      : [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                custom_id: ComponentIds.queuePage(Math.max(1, page.page - 1)),
                label: '◀ Previous page',
                style: ButtonStyle.Secondary,
                disabled: page.page <= 1,
              },
              {
                type: ComponentType.Button,
                custom_id: ComponentIds.queuePage(Math.min(pages, page.page + 1)),
                label: 'Next page ▶',
                style: ButtonStyle.Secondary,
                disabled: page.page >= pages,
              },
            ],
          },
        ];
  return { embeds: [embed], components };
}
