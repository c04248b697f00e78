import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ComponentType,
  LabelBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';

/** Custom ids of the reference bot's components and modals. */
export const ComponentId = {
  increment: 'inc',
  /** Same as increment, answered with a deferred update (type 6) and an edit of `@original`. */
  incrementLater: 'inc-later',
  flavours: 'flavours',
  editNote: 'edit-note',
  noteModal: 'note-modal',
  noteText: 'note-text',
  feedbackModal: 'feedback',
  feedbackOpinion: 'opinion',
  feedbackDetails: 'details',
} as const;

/** The flavours the select menu offers, as option values. */
export const FLAVOURS = ['vanilla', 'chocolate', 'strawberry'] as const;

export function counterRow(count: number): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(ComponentId.increment)
      .setLabel(`+1 (${count})`)
      .setStyle(ButtonStyle.Primary),
    new ButtonBuilder()
      .setCustomId(ComponentId.incrementLater)
      .setLabel('+1 later')
      .setStyle(ButtonStyle.Secondary),
  );
}

export function flavourMenu(): ActionRowBuilder<StringSelectMenuBuilder> {
  return new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
    new StringSelectMenuBuilder()
      .setCustomId(ComponentId.flavours)
      .setPlaceholder('Pick up to two')
      .setMinValues(1)
      .setMaxValues(2)
      .addOptions(FLAVOURS.map((f) => ({ label: f, value: f }))),
  );
}

export function noteRow(): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(ComponentId.editNote).setLabel('Edit').setStyle(ButtonStyle.Secondary),
  );
}

/** A modal in today's layout: each text input inside a label component. */
export function feedbackModal(): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(ComponentId.feedbackModal)
    .setTitle('Feedback')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Your opinion')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(ComponentId.feedbackOpinion)
            .setStyle(TextInputStyle.Short)
            .setMaxLength(20),
        ),
      new LabelBuilder()
        .setLabel('Details')
        .setTextInputComponent(
          new TextInputBuilder()
            .setCustomId(ComponentId.feedbackDetails)
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(false),
        ),
    );
}

/**
 * A modal in the older layout (a text input in an action row, as raw API data since the builders deprecate
 * it), which Discord still accepts and bots still send; the submission mirrors it.
 */
export function noteModal(current: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: ComponentId.noteModal,
    title: 'Edit the note',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: ComponentId.noteText,
            label: 'Note',
            style: TextInputStyle.Short,
            value: current,
          },
        ],
      },
    ],
  };
}
