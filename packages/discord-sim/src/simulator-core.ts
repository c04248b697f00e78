import { ok } from '@discord-bot/errors';
import type { Logger } from '@discord-bot/logger';
import type { SimulatorLimits } from './constants.js';
import type { FaultSpec } from './faults.js';
import { GatewayServer } from './gateway/gateway-server.js';
import type {
  ComponentClick,
  CommandInvocation,
  ModalSubmission,
} from './interactions/interaction-factory.js';
import { InteractionFactory } from './interactions/interaction-factory.js';
import type { InteractionView } from './interactions/interaction-record.js';
import { InteractionResponder } from './interactions/interaction-responder.js';
import { InteractionStore } from './interactions/interaction-store.js';
import { channelMessageView, type ChannelMessageView } from './message-view.js';
import { ChannelType, type SimChannelType } from './model/entities.js';
import { ApplicationRegistry } from './model/application-registry.js';
import { GuildService } from './model/guild-service.js';
import { MemberService } from './model/member-service.js';
import { MessageService } from './model/message-service.js';
import { validateMessage } from './model/message-validation.js';
import { PermissionBits, hasPermission } from './model/permissions.js';
import { badRequest, notFound, type SimResult } from './model/sim-failure.js';
import { SimStore } from './model/sim-store.js';
import { VoiceService } from './model/voice-service.js';
import { RateLimiter } from './rest/rate-limiter.js';
import { RequestLog, type RequestRecord } from './rest/request-log.js';
import { RestFaults } from './rest/rest-faults.js';
import type { RestRoute } from './rest/rest-route.js';
import { channelRoutes } from './rest/routes/channel-routes.js';
import { commandRoutes } from './rest/routes/command-routes.js';
import { gatewayRoutes } from './rest/routes/gateway-routes.js';
import { guildRoutes } from './rest/routes/guild-routes.js';
import { interactionRoutes } from './rest/routes/interaction-routes.js';
import { userRoutes } from './rest/routes/user-routes.js';
import { stateView, type SimStateView } from './state-view.js';
import type { SimVoiceServer, VoiceAudioAnalysis } from './voice/voice-server-contract.js';

export interface SimulatorCoreOptions {
  readonly limits: SimulatorLimits;
  readonly logger: Logger;
  readonly voice: SimVoiceServer;
  /** The gateway URL handed out by `/gateway/bot` (known once the server listens). */
  gatewayUrl(): string;
}

/**
 * The simulated Discord without its HTTP server: model, gateway sessions, REST routes and every
 * control operation as a function returning a result. The control API and the programmatic handle
 * both call these.
 */
export class SimulatorCore {
  public readonly store = new SimStore();
  public readonly gateway: GatewayServer;
  public readonly voiceService: VoiceService;
  public readonly applications: ApplicationRegistry;
  public readonly guilds: GuildService;
  public readonly members: MemberService;
  public readonly messages: MessageService;
  public readonly interactions: InteractionStore;
  public readonly factory: InteractionFactory;
  public readonly responder: InteractionResponder;
  public readonly requestLog: RequestLog;
  public readonly restFaults = new RestFaults();
  public readonly limiter: RateLimiter;
  public readonly routes: readonly RestRoute[];

  public constructor(private readonly options: SimulatorCoreOptions) {
    const { limits, logger } = options;
    this.gateway = new GatewayServer({
      store: this.store,
      limits,
      logger,
      applicationFor: (token) => this.applications.applicationFor(token),
      voice: () => this.voiceService,
      gatewayUrl: () => options.gatewayUrl(),
    });
    const sink = this.gateway.dispatcher;
    this.voiceService = new VoiceService(this.store, sink, options.voice);
    this.applications = new ApplicationRegistry(this.store);
    this.guilds = new GuildService(this.store, sink, this.voiceService);
    this.members = new MemberService(this.store, sink, this.voiceService);
    this.messages = new MessageService(this.store, sink);
    this.interactions = new InteractionStore(this.store, limits);
    this.factory = new InteractionFactory(this.store, this.interactions, sink);
    this.responder = new InteractionResponder(this.store, this.interactions, this.messages);
    this.requestLog = new RequestLog(limits.requestLogSize);
    this.limiter = new RateLimiter(limits.globalRequestsPerSecond);
    const deps = {
      store: this.store,
      messages: this.messages,
      responder: this.responder,
      limits,
      gatewayUrl: () => options.gatewayUrl(),
      sessionStartsRemaining: (appId: string) => this.gateway.sessionStartsRemaining(appId),
    };
    this.routes = [
      ...gatewayRoutes(deps),
      ...userRoutes(deps),
      ...commandRoutes(deps),
      ...interactionRoutes(deps),
      ...channelRoutes(deps),
      ...guildRoutes(deps),
    ];
  }

  public state(): SimStateView {
    const sessions = this.gateway.liveSessions().map((s) => ({
      id: s.id,
      applicationId: s.app.id,
      shard: [s.shardId, s.shardCount] as [number, number],
      connected: s.connected,
      sequence: s.sequence,
    }));
    return stateView(this.store, sessions);
  }

  public createChannel(input: { guildId: string; name: string; type?: 'text' | 'voice' | 'stage' }) {
    const types: Record<string, SimChannelType> = {
      text: ChannelType.GuildText,
      voice: ChannelType.GuildVoice,
      stage: ChannelType.GuildStageVoice,
    };
    return this.guilds.createChannel({
      guildId: input.guildId,
      name: input.name,
      type: types[input.type ?? 'text'] ?? 0,
    });
  }

  public setVoiceState(input: {
    userId: string;
    guildId: string;
    channelId: string | null;
  }): SimResult<{ ok: true }> {
    const result = this.voiceService.fromControl(input);
    return result.ok ? ok({ ok: true }) : result;
  }

  /** A user posts in a channel (MESSAGE_CREATE to bots). */
  public postMessage(input: {
    userId: string;
    channelId: string;
    content: string;
  }): SimResult<{ id: string }> {
    const channel = this.store.channels.get(input.channelId);
    if (channel === undefined) return notFound(`unknown channel ${input.channelId}`);
    const perms = this.store.memberPermissions(channel.guildId, input.userId);
    if (!hasPermission(perms, PermissionBits.ViewChannel | PermissionBits.SendMessages)) {
      return { ok: false, error: { status: 403, message: 'that user cannot send messages in this channel' } };
    }
    const checked = validateMessage({ content: input.content }, true);
    if (!checked.ok) return badRequest(checked.error.message);
    const message = this.messages.create({
      channelId: channel.id,
      authorId: input.userId,
      input: checked.value,
    });
    return ok({ id: message.id });
  }

  public invokeCommand(input: CommandInvocation): SimResult<{ id: string }> {
    return this.factory.command(input);
  }

  public clickComponent(input: ComponentClick): SimResult<{ id: string }> {
    return this.factory.component(input);
  }

  public submitModal(input: ModalSubmission): SimResult<{ id: string }> {
    return this.factory.modalSubmit(input);
  }

  public interaction(id: string): SimResult<InteractionView> {
    const interaction = this.interactions.get(id);
    return interaction === undefined
      ? notFound(`unknown interaction ${id}`)
      : ok(this.interactions.view(interaction));
  }

  public channelMessages(channelId: string): SimResult<ChannelMessageView[]> {
    if (!this.store.channels.has(channelId)) return notFound(`unknown channel ${channelId}`);
    return ok(this.store.channelMessages(channelId).map((m) => channelMessageView(this.store, m)));
  }

  public audio(guildId: string, windowMs: number): SimResult<VoiceAudioAnalysis> {
    if (!this.store.guilds.has(guildId)) return notFound(`unknown guild ${guildId}`);
    if (!Number.isFinite(windowMs) || windowMs < 20 || windowMs > 60_000) {
      return badRequest('windowMs must be between 20 and 60000');
    }
    return ok(this.options.voice.analysis(guildId, windowMs));
  }

  public requests(sinceMs?: number): RequestRecord[] {
    return this.requestLog.since(sinceMs);
  }

  public fault(spec: FaultSpec): SimResult<{ affected: number }> {
    switch (spec.kind) {
      case 'gateway-disconnect':
        return ok({ affected: this.gateway.disconnectAll(spec.code) });
      case 'gateway-reconnect':
        return ok({ affected: this.gateway.reconnectAll() });
      case 'invalid-session':
        return ok({ affected: this.gateway.invalidateAll(spec.resumable ?? false) });
      case 'rest-errors':
        if (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599) {
          return badRequest('status must be an HTTP error status (400-599)');
        }
        if (!Number.isInteger(spec.count) || spec.count < 1)
          return badRequest('count must be a positive integer');
        this.restFaults.add(spec);
        return ok({ affected: spec.count });
      case 'voice-close': {
        if (!this.store.guilds.has(spec.guildId)) return notFound(`unknown guild ${spec.guildId}`);
        const bots = this.store
          .guildVoiceStates(spec.guildId)
          .filter((v) => this.store.users.get(v.userId)?.bot);
        for (const state of bots) this.options.voice.disconnect(spec.guildId, state.userId, spec.code);
        return ok({ affected: bots.length });
      }
      case 'voice-server-crash':
        this.options.voice.crash(spec.guildId);
        return ok({ affected: 1 });
    }
  }

  public async stop(): Promise<void> {
    await this.gateway.stop();
  }
}
