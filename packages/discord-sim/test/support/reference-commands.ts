import { SlashCommandBuilder } from 'discord.js';

/** Lowest and highest tone `/tone` plays, Hz: what a 48 kHz stream and the analysis's FFT handle well. */
export const TONE_MIN_HZ = 50;
export const TONE_MAX_HZ = 4_000;
/** How long `/tone` plays unless told otherwise, seconds. */
export const DEFAULT_TONE_SECONDS = 4;

/** Guild slash commands of the reference bot, as discord.js builds them. */
export const REFERENCE_COMMANDS = [
  new SlashCommandBuilder().setName('ping').setDescription('Replies pong'),
  new SlashCommandBuilder().setName('slow').setDescription('Defers, then edits the reply'),
  new SlashCommandBuilder().setName('multi').setDescription('Replies, then follows up twice'),
  new SlashCommandBuilder().setName('counter').setDescription('A message with buttons'),
  new SlashCommandBuilder().setName('ignore').setDescription('Never answers'),
  new SlashCommandBuilder().setName('late').setDescription('Answers after the deadline'),
  new SlashCommandBuilder()
    .setName('echo')
    .setDescription('Repeats text')
    .addStringOption((o) => o.setName('text').setDescription('What to repeat').setRequired(true))
    .addIntegerOption((o) => o.setName('times').setDescription('How often')),
  new SlashCommandBuilder()
    .setName('play')
    .setDescription('Search a track')
    .addStringOption((o) =>
      o.setName('query').setDescription('Search').setRequired(true).setAutocomplete(true),
    ),
  new SlashCommandBuilder()
    .setName('settings')
    .setDescription('Subcommands and a subcommand group')
    .addSubcommand((s) =>
      s
        .setName('volume')
        .setDescription('Set the volume')
        .addIntegerOption((o) => o.setName('level').setDescription('Percent').setRequired(true)),
    )
    .addSubcommandGroup((g) =>
      g
        .setName('dj')
        .setDescription('DJ role')
        .addSubcommand((s) =>
          s
            .setName('set')
            .setDescription('Choose the DJ role')
            .addStringOption((o) => o.setName('name').setDescription('Role name').setRequired(true)),
        ),
    ),
  new SlashCommandBuilder().setName('flavours').setDescription('A message with a select menu'),
  new SlashCommandBuilder().setName('feedback').setDescription('Asks in a modal, replies with the answer'),
  new SlashCommandBuilder().setName('note').setDescription('A note edited through a modal from a button'),
  new SlashCommandBuilder()
    .setName('tone')
    .setDescription('Joins your voice channel and plays a sine tone')
    .addIntegerOption((o) =>
      o
        .setName('hz')
        .setDescription('Frequency')
        .setRequired(true)
        .setMinValue(TONE_MIN_HZ)
        .setMaxValue(TONE_MAX_HZ),
    )
    .addNumberOption((o) => o.setName('seconds').setDescription('Duration').setMinValue(0.1)),
].map((b) => b.toJSON());

/** Global commands of the reference bot. */
export const GLOBAL_COMMANDS = [
  new SlashCommandBuilder().setName('help').setDescription('Global help').toJSON(),
];
