import type { SimulatorLimits } from '../constants.js';
import type { SimStore } from '../model/sim-store.js';
import {
  CallbackType,
  InteractionType,
  messageView,
  type InteractionView,
  type MessageView,
  type SimInteraction,
} from './interaction-record.js';

const TYPE_NAMES = {
  [InteractionType.Command]: 'command',
  [InteractionType.Component]: 'component',
  [InteractionType.Autocomplete]: 'autocomplete',
  [InteractionType.ModalSubmit]: 'modal-submit',
} as const;

/** Interaction records by id and token, and the user's view of each. */
export class InteractionStore {
  private readonly byId = new Map<string, SimInteraction>();
  private readonly byToken = new Map<string, SimInteraction>();

  public constructor(
    private readonly store: SimStore,
    private readonly limits: Pick<SimulatorLimits, 'interactionAckDeadlineMs' | 'interactionTokenLifetimeMs'>,
    private readonly now: () => number = Date.now,
  ) {}

  public add(interaction: SimInteraction): void {
    this.byId.set(interaction.id, interaction);
    this.byToken.set(interaction.token, interaction);
  }

  public get(id: string): SimInteraction | undefined {
    return this.byId.get(id);
  }

  public withToken(token: string): SimInteraction | undefined {
    return this.byToken.get(token);
  }

  /** True while the first response is still accepted. */
  public canAcknowledge(interaction: SimInteraction): boolean {
    return this.now() - interaction.createdAtMs <= this.limits.interactionAckDeadlineMs;
  }

  /** True while the interaction token still works for edits and follow-ups. */
  public tokenAlive(interaction: SimInteraction): boolean {
    return this.now() - interaction.createdAtMs <= this.limits.interactionTokenLifetimeMs;
  }

  public view(interaction: SimInteraction): InteractionView {
    const original =
      interaction.originalMessageId === null
        ? undefined
        : this.store.messages.get(interaction.originalMessageId);
    const deferred =
      interaction.callbackType === CallbackType.DeferredChannelMessage ||
      interaction.callbackType === CallbackType.DeferredUpdateMessage;
    const loading = original !== undefined && (original.flags & (1 << 7)) !== 0;
    const followUps: MessageView[] = [];
    for (const id of interaction.followUpIds) {
      const message = this.store.messages.get(id);
      if (message !== undefined) followUps.push(messageView(message));
    }
    const error = this.userVisibleError(interaction, loading);
    return {
      id: interaction.id,
      interactionType: TYPE_NAMES[interaction.type],
      acknowledged: interaction.ackAtMs !== null,
      ackMs:
        interaction.ackAtMonotonicMs === null
          ? null
          : interaction.ackAtMonotonicMs - interaction.createdAtMonotonicMs,
      type: interaction.callbackType,
      deferred,
      ephemeral: original?.ephemeral ?? false,
      response:
        interaction.ackAtMs === null || original === undefined || loading ? null : messageView(original),
      followUps,
      ...(interaction.choices === null ? {} : { choices: interaction.choices }),
      ...(interaction.modal === null ? {} : { modal: interaction.modal }),
      ...(error === null ? {} : { error }),
    };
  }

  private userVisibleError(interaction: SimInteraction, loading: boolean): string | null {
    if (interaction.ackAtMs === null && !this.canAcknowledge(interaction))
      return 'The application did not respond';
    if (loading && !this.tokenAlive(interaction)) return 'The application did not respond';
    return null;
  }
}
