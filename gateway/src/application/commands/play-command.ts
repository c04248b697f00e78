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
import { FAST_REQUEST_TIMEOUT_MS, MAX_PLAY_QUERY_LENGTH } from '../../constants.js';
import { describeLeftOut } from '../../presentation/ui/describe-left-out.js';
import { describeTrack } from '../../presentation/ui/describe-track.js';
import { formatDuration } from '../../presentation/ui/format-duration.js';
import type { PlayerServices } from './player-services.js';
import { requestPlayer } from './request-player.js';

/** Discord's limit on an autocomplete choice's name and value. */
const CHOICE_MAX_LENGTH = 100;
/** Discord shows at most this many autocomplete choices. */
const MAX_CHOICES = 25;

/** A choice whose value is a query for `play`. */
type TextChoice = AutocompleteChoice & { readonly value: string };

const truncate = (text: string): string =>
  text.length <= CHOICE_MAX_LENGTH ? text : `${text.slice(0, CHOICE_MAX_LENGTH - 1)}…`;

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
          describeLeftOut(result.playlist.leftOut);
    const when =
      result.position === 0
        ? 'Playing now'
        : `Queued at #${result.position}` +
          (result.startsInMs === null ? '' : `, starts in ${formatDuration(result.startsInMs)}`);
    await context.respond({ content: `🎶 ${when}: ${what}` });
  }

  /**
   * Suggests what the user is typing: a URL as is; else the typed text, the sources' search results (the
   * guild's default source first) and the matching tracks of this guild's queue. Both requests run at once
   * with a short timeout; one that fails or is late only leaves its suggestions out (Discord waits 3 s).
   */
  public async autocomplete(
    context: CommandContext,
    focused: { name: string; value: string },
  ): Promise<readonly AutocompleteChoice[]> {
    const typed = focused.value.trim().slice(0, CHOICE_MAX_LENGTH);
    if (typed === '') return [];
    const choices: AutocompleteChoice[] = [{ name: typed, value: typed }];
    if (/^https?:\/\//i.test(typed)) return choices;
    const [found, queued] = await Promise.all([
      this.#searchChoices(context, typed),
      this.#queuedChoices(context, typed),
    ]);
    const seen = new Set([typed]);
    for (const choice of [...found, ...queued]) {
      if (seen.has(choice.value)) continue;
      seen.add(choice.value);
      choices.push(choice);
    }
    return choices.slice(0, MAX_CHOICES);
  }

  async #searchChoices(context: CommandContext, typed: string): Promise<TextChoice[]> {
    try {
      const { results } = await requestPlayer(
        context,
        this.services,
        'search',
        { query: typed, limit: MAX_CHOICES - 1 },
        FAST_REQUEST_TIMEOUT_MS,
      );
      // A value is what `play` receives: a longer one than Discord allows cannot be cut without changing it.
      return results
        .filter((result) => result.playQuery.length <= CHOICE_MAX_LENGTH)
        .map((result) => ({
          name: truncate(
            `${result.title} — ${result.author} (${result.isStream ? 'live' : formatDuration(result.durationMs)})`,
          ),
          value: result.playQuery,
        }));
    } catch {
      // No search source, a slow node, or no audio service: the other suggestions still stand.
      return [];
    }
  }

  async #queuedChoices(context: CommandContext, typed: string): Promise<TextChoice[]> {
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
      const choices: TextChoice[] = [];
      for (const track of tracks) {
        if (track === null || track.uri === null || track.uri.length > CHOICE_MAX_LENGTH) continue;
        const label = `${track.title} — ${track.author}`;
        if (!label.toLowerCase().includes(needle)) continue;
        choices.push({ name: truncate(label), value: track.uri });
      }
      return choices;
    } catch {
      // No player yet or it is slow: the typed text alone is still a fine suggestion.
      return [];
    }
  }
}
