import { UserError } from '@discord-bot/errors';
import {
  Command,
  Cooldown,
  Option,
  Permission,
  type AutocompleteChoice,
  type CommandContext,
  type CommandHandler,
} from '@discord-bot/commands';
import type { Placement } from '@discord-bot/messaging';
import { FAST_REQUEST_TIMEOUT_MS, MAX_PLAY_QUERY_LENGTH } from '../constants.js';
import { formatDuration } from '../now-playing/format-duration.js';
import { describeTrack } from './describe-track.js';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

/** Discord's limit on an autocomplete choice's name and value. */
const CHOICE_MAX_LENGTH = 100;

@Command({ name: 'play', description: 'Play a song or a playlist (search or URL)', defer: true })
@Option.string('query', 'A song name, or a URL', {
  required: true,
  maxLength: MAX_PLAY_QUERY_LENGTH,
  autocomplete: true,
})
@Option.string('when', 'Where to add it (default: end of the queue)', {
  choices: [
    { name: 'end of the queue', value: 'end' },
    { name: 'next', value: 'next' },
    { name: 'now', value: 'now' },
  ],
})
@Permission('guild', 'sameVoice')
@Cooldown({ uses: 5, windowMs: 10_000 })
export class PlayCommand implements CommandHandler {
  public constructor(private readonly services: PlayerServices) {}

  public async execute(context: CommandContext): Promise<void> {
    const { invocation } = context;
    const voiceChannelId = invocation.voice.userChannelId;
    if (voiceChannelId === null) throw new UserError('NOT_IN_VOICE');
    if (invocation.channelId === null) throw new UserError('FORBIDDEN');
    const placement = (context.options.string('when') ?? 'end') as Placement;
    const result = await requestPlayer(context, this.services, 'play', {
      query: context.options.string('query') ?? '',
      placement,
      requester: {
        userId: invocation.userId,
        displayName: (invocation.userDisplayName ?? invocation.userId).slice(0, 100),
      },
      voiceChannelId,
      textChannelId: invocation.channelId,
    });
    const what =
      result.playlist === undefined
        ? describeTrack(result.firstTrack)
        : `**${result.addedCount}** tracks from **${result.playlist.name}**` +
          (result.playlist.truncated ? ' (the queue limit cut it short)' : '');
    const when =
      result.position === 0
        ? 'Playing now'
        : `Queued at #${result.position}` +
          (result.startsInMs === null ? '' : `, starts in ${formatDuration(result.startsInMs)}`);
    await context.respond({ content: `🎶 ${when}: ${what}` });
  }

  /**
   * Suggests what the user is typing: a URL as is, else the matching tracks of this guild's queue. A search
   * of the sources needs a search command on the bus, which the audio service does not offer yet.
   */
  public async autocomplete(
    context: CommandContext,
    focused: { name: string; value: string },
  ): Promise<readonly AutocompleteChoice[]> {
    const typed = focused.value.trim().slice(0, CHOICE_MAX_LENGTH);
    if (typed === '') return [];
    const choices: AutocompleteChoice[] = [{ name: typed, value: typed }];
    if (/^https?:\/\//i.test(typed)) return choices;
    try {
      const page = await requestPlayer(
        context,
        this.services,
        'queuePage',
        { page: 1, pageSize: 25 },
        FAST_REQUEST_TIMEOUT_MS,
      );
      const needle = typed.toLowerCase();
      const tracks = [page.current, ...page.tracks.map((entry) => entry.track)];
      for (const track of tracks) {
        if (track === null || track.uri === null || track.uri.length > CHOICE_MAX_LENGTH) continue;
        const label = `${track.title} — ${track.author}`;
        if (!label.toLowerCase().includes(needle)) continue;
        choices.push({ name: label.slice(0, CHOICE_MAX_LENGTH), value: track.uri });
      }
    } catch {
      // No player yet or it is slow: the typed text alone is still a fine suggestion.
    }
    return choices;
  }
}
