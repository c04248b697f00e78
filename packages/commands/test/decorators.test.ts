import { describe, expect, it } from 'vitest';
import { Command, InvalidCommandDefinitionError, Option, getCommandDefinition } from '@discord-bot/commands';
import { MoveCommand, PlayCommand, SettingsCommand, VolumeCommand } from './support/sample-commands.js';

describe('command decorators', () => {
  it('GIVEN stacked decorators THEN the definition keeps options in written order', () => {
    const definition = getCommandDefinition(PlayCommand);
    expect(definition?.name).toBe('play');
    expect(definition?.defer).toBe(true);
    expect(definition?.options.map((o) => o.name)).toEqual(['query', 'placement']);
    expect(definition?.options[0]).toMatchObject({
      kind: 'string',
      required: true,
      maxLength: 500,
      autocomplete: true,
    });
    expect(definition?.permissions).toEqual(['guild', 'inVoice']);
  });

  it('GIVEN @Cooldown, @Permission and @Premium THEN each is recorded', () => {
    expect(getCommandDefinition(VolumeCommand)?.cooldown).toEqual({ uses: 2, windowMs: 60_000 });
    expect(getCommandDefinition(MoveCommand)?.permissions).toEqual(['sameVoice', 'dj']);
    expect(getCommandDefinition(SettingsCommand)).toMatchObject({
      premiumFeature: 'custom-settings',
      ephemeral: true,
    });
  });

  it('GIVEN a name Discord rejects THEN defining the class throws', () => {
    expect(() => {
      @Command({ name: 'Bad Name', description: 'x' })
      class Bad {}
      return Bad;
    }).toThrow(InvalidCommandDefinitionError);
  });

  it('GIVEN a required option after an optional one THEN defining the class throws', () => {
    expect(() => {
      @Command({ name: 'order', description: 'x' })
      @Option.string('a', 'optional')
      @Option.string('b', 'required', { required: true })
      class Order {}
      return Order;
    }).toThrow(/must come before optional/);
  });

  it('GIVEN the same option twice or contradictory bounds THEN defining the class throws', () => {
    expect(() => {
      @Command({ name: 'twice', description: 'x' })
      @Option.string('a', 'one')
      @Option.string('a', 'two')
      class Twice {}
      return Twice;
    }).toThrow(/declared twice/);
    expect(() => {
      @Command({ name: 'bounds', description: 'x' })
      @Option.integer('n', 'n', { minValue: 5, maxValue: 1 })
      class Bounds {}
      return Bounds;
    }).toThrow(/minValue above maxValue/);
  });

  it('GIVEN an empty description THEN defining the class throws', () => {
    expect(() => {
      @Command({ name: 'nodesc', description: '' })
      class NoDesc {}
      return NoDesc;
    }).toThrow(/description/);
  });
});
