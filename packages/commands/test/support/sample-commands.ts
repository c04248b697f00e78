import { err, ok } from '@discord-bot/errors';
import {
  Command,
  Cooldown,
  Option,
  Permission,
  Premium,
  parseTimestamp,
  type AutocompleteChoice,
  type CommandContext,
  type CommandHandler,
} from '@discord-bot/commands';

@Command({ name: 'play', description: 'Play a song or add it to the queue', defer: true })
@Option.string('query', 'A song name or URL', { required: true, maxLength: 500, autocomplete: true })
@Option.string('placement', 'Where to add it', {
  choices: [
    { name: 'end', value: 'end' },
    { name: 'next', value: 'next' },
  ],
})
@Permission('guild', 'inVoice')
export class PlayCommand implements CommandHandler {
  public executed: string[] = [];
  public async execute(context: CommandContext): Promise<void> {
    this.executed.push(context.options.string('query') ?? '');
    await context.respond({ content: `queued ${context.options.string('query')}` });
  }
  public autocomplete(
    _context: CommandContext,
    focused: { name: string; value: string },
  ): Promise<readonly AutocompleteChoice[]> {
    return Promise.resolve(
      Array.from({ length: 40 }, (_, i) => ({
        name: `${focused.value} ${i}`,
        value: `${focused.value}-${i}`,
      })),
    );
  }
}

@Command({ name: 'volume', description: 'Set the volume' })
@Option.integer('percent', 'Volume in percent', { required: true, minValue: 0, maxValue: 200 })
@Permission('sameVoice')
@Cooldown({ uses: 2, windowMs: 60_000 })
export class VolumeCommand implements CommandHandler {
  public async execute(context: CommandContext): Promise<void> {
    await context.respond({ content: `volume ${context.options.number('percent')}` });
  }
}

@Command({ name: 'seek', description: 'Jump to a position in the track' })
@Option.string('position', 'Like 1:23 or 83', { required: true, parse: (v) => parseTimestamp(String(v)) })
@Permission('sameVoice')
export class SeekCommand implements CommandHandler {
  public async execute(context: CommandContext): Promise<void> {
    await context.respond({ content: `seek ${context.options.get<number>('position')}` });
  }
}

@Command({ name: 'move', description: 'Move a track in the queue' })
@Option.integer('from', 'Position of the track', { required: true, minValue: 1 })
@Option.integer('to', 'New position', {
  required: true,
  minValue: 1,
  parse: (v) => (Number(v) > 500 ? err('to is past the end of the queue') : ok(v)),
})
@Permission('sameVoice', 'dj')
export class MoveCommand implements CommandHandler {
  public async execute(context: CommandContext): Promise<void> {
    await context.respond({ content: 'moved' });
  }
}

@Command({ name: 'settings', description: 'Change server settings', ephemeral: true })
@Permission('guild', { discord: 'ManageGuild' })
@Premium('custom-settings')
export class SettingsCommand implements CommandHandler {
  public async execute(context: CommandContext): Promise<void> {
    await context.respond({ content: 'saved', ephemeral: true });
  }
}

@Command({ name: 'boom', description: 'Fails on purpose' })
export class BoomCommand implements CommandHandler {
  public execute(): Promise<void> {
    return Promise.reject(new Error('database exploded at postgres://user:secret@host'));
  }
}
