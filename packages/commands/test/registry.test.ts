import { describe, expect, it } from 'vitest';
import { CommandRegistry } from '@discord-bot/commands';
import { MoveCommand, PlayCommand, SettingsCommand, VolumeCommand } from './support/sample-commands.js';

describe('command registry', () => {
  it('GIVEN registered commands THEN it builds Discord JSON sorted by name', () => {
    const registry = new CommandRegistry().register(new VolumeCommand(), new PlayCommand());
    const json = registry.toDiscordJSON();
    expect(json.map((c) => c.name)).toEqual(['play', 'volume']);
    expect(json[0]).toEqual({
      type: 1,
      name: 'play',
      description: 'Play a song or add it to the queue',
      contexts: [0],
      options: [
        {
          type: 3,
          name: 'query',
          description: 'A song name or URL',
          required: true,
          autocomplete: true,
          max_length: 500,
        },
        {
          type: 3,
          name: 'placement',
          description: 'Where to add it',
          required: false,
          choices: [
            { name: 'end', value: 'end' },
            { name: 'next', value: 'next' },
          ],
        },
      ],
    });
    expect(json[1]?.options?.[0]).toMatchObject({ type: 4, min_value: 0, max_value: 200 });
  });

  it('GIVEN a Discord permission requirement THEN default_member_permissions hides the command', () => {
    const json = new CommandRegistry().register(new SettingsCommand()).toDiscordJSON();
    expect(json[0]?.default_member_permissions).toBe(String(1n << 5n));
  });

  it('GIVEN the same commands THEN the fingerprint is stable, and it changes with the definitions', () => {
    const a = new CommandRegistry().register(new PlayCommand(), new VolumeCommand()).fingerprint();
    const b = new CommandRegistry().register(new VolumeCommand(), new PlayCommand()).fingerprint();
    const c = new CommandRegistry()
      .register(new PlayCommand(), new VolumeCommand(), new MoveCommand())
      .fingerprint();
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('GIVEN two handlers for one name or an undecorated class THEN registering throws with a code', () => {
    expect(() => new CommandRegistry().register(new PlayCommand(), new PlayCommand())).toThrow(
      expect.objectContaining({ code: 'COMMAND_DUPLICATE' }),
    );
    class Plain {
      public execute(): Promise<void> {
        return Promise.resolve();
      }
    }
    expect(() => new CommandRegistry().register(new Plain())).toThrow(
      expect.objectContaining({ code: 'COMMAND_NOT_DECORATED' }),
    );
  });
});
