import type { FaultSpec } from './faults.js';
import type {
  CommandInvocation,
  ComponentClick,
  ModalSubmission,
} from './interactions/interaction-factory.js';
import type { InteractionView } from './interactions/interaction-record.js';
import type { ChannelMessageView } from './message-view.js';
import type { CreatedGuild } from './model/guild-service.js';
import type { CreateUserInput } from './model/member-service.js';
import { unwrap } from './model/sim-failure.js';
import type { RequestRecord } from './rest/request-log.js';
import type { SimulatorCore } from './simulator-core.js';
import type { SimStateView } from './state-view.js';
import type { VoiceAudioAnalysis } from './voice/voice-server-contract.js';
import { pollUntil, type WaitOptions } from './wait-for.js';

/** Default sliding window for audio analysis, ms. */
export const DEFAULT_AUDIO_WINDOW_MS = 1_000;
/** Default relative tolerance of {@link Simulator.waitForAudio}. */
export const DEFAULT_TONE_TOLERANCE = 0.02;

export interface WaitForAudioOptions extends WaitOptions {
  readonly guildId: string;
  /** Expected dominant frequency. */
  readonly hz: number;
  /** Relative tolerance (default 0.02 = 2%). */
  readonly tolerance?: number;
  readonly windowMs?: number;
  /** Also require at least this packet rate (e.g. 45 for ~50 packets/s). */
  readonly minPacketsPerSecond?: number;
  /** Also require zero gaps in the window. */
  readonly noGaps?: boolean;
}

/**
 * A running simulator: its addresses, every control operation as a typed function (throwing
 * `SimulatorRequestError` where the control API answers 4xx), and `waitFor...` helpers.
 */
export interface Simulator {
  readonly port: number;
  /** `http://HOST:PORT`: the control API lives under `/_sim`. */
  readonly baseUrl: string;
  /** `http://HOST:PORT/api`: give it to discord.js as `rest.api` (or as `DISCORD_API_BASE`). */
  readonly restBase: string;
  readonly gatewayUrl: string;
  /** The CA certificate file, for `NODE_EXTRA_CA_CERTS`. */
  readonly caPath: string;
  readonly caPem: string;
  /** The simulator's internals (store, gateway, services): an escape hatch for what the API does not offer. */
  readonly core: SimulatorCore;

  state(): SimStateView;
  createGuild(input: { name: string; ownerId?: string }): CreatedGuild;
  deleteGuild(guildId: string): void;
  createChannel(input: { guildId: string; name: string; type?: 'text' | 'voice' | 'stage' }): { id: string };
  deleteChannel(channelId: string): void;
  createUser(input: CreateUserInput): { id: string };
  createRole(input: { guildId: string; name: string; permissions: string }): { id: string };
  updateRole(input: { roleId: string; name?: string; permissions?: string }): void;
  updateMember(input: {
    guildId: string;
    userId: string;
    roles?: readonly string[];
    nick?: string | null;
  }): void;
  /** Adds an existing user to another guild (GUILD_MEMBER_ADD). */
  addMember(input: { guildId: string; userId: string; roles?: readonly string[] }): void;
  /** Kicks a member (a bot in voice is disconnected with 4014 and gets GUILD_DELETE). */
  kickMember(guildId: string, userId: string): void;
  /** A user joins, moves or (`channelId: null`) leaves voice; for a bot this is a moderator moving/kicking it. */
  setVoiceState(input: { userId: string; guildId: string; channelId: string | null }): void;
  postMessage(input: { userId: string; channelId: string; content: string }): { id: string };
  invokeCommand(input: CommandInvocation): { id: string };
  clickComponent(input: ComponentClick): { id: string };
  submitModal(input: ModalSubmission): { id: string };
  interaction(id: string): InteractionView;
  channelMessages(channelId: string): ChannelMessageView[];
  audio(guildId: string, windowMs?: number): VoiceAudioAnalysis;
  fault(spec: FaultSpec): { affected: number };
  requests(sinceMs?: number): RequestRecord[];

  /** Resolves once the bot registered `name` (globally or in `guildId`). */
  waitForCommand(name: string, options?: WaitOptions & { guildId?: string }): Promise<void>;
  /**
   * Resolves once the interaction has a visible answer (a deferred reply only once edited); `until`
   * narrows it. Rejects at once when the user would see "The application did not respond".
   */
  waitForInteractionResponse(
    id: string,
    options?: WaitOptions & { until?: (view: InteractionView) => boolean },
  ): Promise<InteractionView>;
  /** Resolves with the first message in the channel matching `predicate`. */
  waitForMessage(
    channelId: string,
    predicate: (message: ChannelMessageView) => boolean,
    options?: WaitOptions,
  ): Promise<ChannelMessageView>;
  waitForVoiceConnected(guildId: string, options?: WaitOptions): Promise<VoiceAudioAnalysis>;
  /** Resolves once the guild's audio has its dominant frequency within `tolerance` of `hz`. */
  waitForAudio(options: WaitForAudioOptions): Promise<VoiceAudioAnalysis>;
  /** Stops every server and socket; safe to call twice. */
  stop(): Promise<void>;
}

export interface SimulatorAddresses {
  readonly port: number;
  readonly baseUrl: string;
  readonly restBase: string;
  readonly gatewayUrl: string;
  readonly caPath: string;
  readonly caPem: string;
  stop(): Promise<void>;
}

function visibleAnswer(view: InteractionView): boolean {
  if (!view.acknowledged) return false;
  if (view.type === 5) return view.response !== null;
  return true;
}

/** Wraps a {@link SimulatorCore} into the typed {@link Simulator} handle. */
export function createSimulatorHandle(core: SimulatorCore, addresses: SimulatorAddresses): Simulator {
  const handle: Simulator = {
    ...addresses,
    core,
    state: () => core.state(),
    createGuild: (input) => unwrap(core.guilds.createGuild(input)),
    deleteGuild: (guildId) => unwrap(core.guilds.deleteGuild(guildId)),
    createChannel: (input) => unwrap(core.createChannel(input)),
    deleteChannel: (channelId) => unwrap(core.guilds.deleteChannel(channelId)),
    createUser: (input) => unwrap(core.members.createUser(input)),
    createRole: (input) => unwrap(core.guilds.createRole(input)),
    updateRole: (input) => unwrap(core.guilds.updateRole(input)),
    updateMember: (input) => unwrap(core.members.updateMember(input)),
    addMember: (input) => unwrap(core.members.joinGuild(input.guildId, input.userId, input.roles ?? [])),
    kickMember: (guildId, userId) => unwrap(core.members.kickMember(guildId, userId)),
    setVoiceState: (input) => void unwrap(core.setVoiceState(input)),
    postMessage: (input) => unwrap(core.postMessage(input)),
    invokeCommand: (input) => unwrap(core.invokeCommand(input)),
    clickComponent: (input) => unwrap(core.clickComponent(input)),
    submitModal: (input) => unwrap(core.submitModal(input)),
    interaction: (id) => unwrap(core.interaction(id)),
    channelMessages: (channelId) => unwrap(core.channelMessages(channelId)),
    audio: (guildId, windowMs = DEFAULT_AUDIO_WINDOW_MS) => unwrap(core.audio(guildId, windowMs)),
    fault: (spec) => unwrap(core.fault(spec)),
    requests: (sinceMs) => core.requests(sinceMs),

    async waitForCommand(name, options = {}) {
      await pollUntil(
        `command /${name}`,
        () => core.state().commands.filter((c) => c.name === name),
        (found) => found.some((c) => options.guildId === undefined || c.guildId === options.guildId),
        options,
      );
    },
    waitForInteractionResponse: (id, options = {}) =>
      pollUntil(
        `a response to interaction ${id}`,
        () => handle.interaction(id),
        options.until ?? visibleAnswer,
        {
          ...options,
          fail: (view) => view.error ?? null,
        },
      ),
    async waitForMessage(channelId, predicate, options = {}) {
      const list = await pollUntil(
        `a matching message in channel ${channelId}`,
        () => handle.channelMessages(channelId),
        (messages) => messages.some(predicate),
        options,
      );
      const found = list.find(predicate);
      if (found === undefined) throw new Error('unreachable: the accepted list holds a match');
      return found;
    },
    waitForVoiceConnected: (guildId, options = {}) =>
      pollUntil(
        `voice connected in guild ${guildId}`,
        () => handle.audio(guildId),
        (a) => a.connected,
        options,
      ),
    waitForAudio(options) {
      const tolerance = options.tolerance ?? DEFAULT_TONE_TOLERANCE;
      return pollUntil(
        `${options.hz} Hz (±${tolerance * 100}%) in guild ${options.guildId}`,
        () => handle.audio(options.guildId, options.windowMs ?? DEFAULT_AUDIO_WINDOW_MS),
        (a) =>
          Math.abs(a.dominantHz - options.hz) <= options.hz * tolerance &&
          a.packetsPerSecond >= (options.minPacketsPerSecond ?? 0) &&
          (options.noGaps !== true || a.gaps === 0),
        options,
      );
    },
  };
  return handle;
}
