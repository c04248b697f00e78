import type { GuildPolicy, PremiumPolicy, RateLimitStore } from '@discord-bot/commands';
import type { Logger } from '@discord-bot/logger';
import {
  TO_AUDIO_CHANNEL,
  TO_DISCORD_CHANNEL,
  UI_NOW_CHANNEL,
  type CommandSender,
  type EventBus,
  type StreamBus,
  type Unsubscribe,
} from '@discord-bot/messaging';
import { Counter, Histogram, type Registry } from '@discord-bot/observability';
import { Events, Routes, type APIMessage, type Client } from 'discord.js';
import { createCommandDispatcher } from './application/commands/create-dispatcher.js';
import type { MessageSink } from './application/use-cases/message-sink.js';
import { NowPlayingBoard } from './application/use-cases/now-playing-board.js';
import { registerCommandsIfChanged } from './application/use-cases/register-commands.js';
import { handleToDiscord, type DiscordOutlet } from './application/use-cases/to-discord-handler.js';
import {
  FAST_REQUEST_TIMEOUT_MS,
  NOW_PLAYING_EDIT_INTERVAL_MS,
  PLAYER_REQUEST_TIMEOUT_MS,
} from './constants.js';
import type { FingerprintStore } from './domain/repositories/fingerprint-store.js';
import { EditCoalescer } from './domain/services/edit-coalescer.js';
import type { VoiceStateStore } from './domain/services/voice-state-store.js';
import { forwardVoicePacket, type RawPacket } from './infrastructure/messaging/voice-forwarder.js';
import { routeInteraction } from './presentation/controllers/interaction-router.js';

/** Everything the gateway's Discord side is wired to. */
export interface GatewayWiring {
  readonly client: Client;
  /** The guilds the client's shards carry and their voice states, fed from the same client (`feedVoiceStates`). */
  readonly voiceStates: VoiceStateStore;
  readonly logger: Logger;
  readonly bus: CommandSender;
  readonly uiEvents: EventBus;
  readonly toAudio: StreamBus;
  readonly toDiscord: StreamBus;
  readonly rateLimits: RateLimitStore;
  readonly guildPolicy: GuildPolicy;
  readonly premiumPolicy: PremiumPolicy;
  readonly fingerprints: FingerprintStore;
  readonly apiBase: string;
  readonly devGuildId: string | undefined;
  /** Overrides {@link PLAYER_REQUEST_TIMEOUT_MS} (tests). */
  readonly requestTimeoutMs?: number;
  /** Where the interaction metrics go; none recorded when absent. */
  readonly metrics?: Registry;
}

/** Interaction metrics: time to the first acknowledgement, and outcomes by command and code. */
function interactionMetrics(registry: Registry) {
  const ack = new Histogram({
    name: 'gateway_interaction_ack_seconds',
    help: 'Time from interaction creation to its first acknowledgement (Discord allows 3 s).',
    labelNames: ['kind'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3],
    registers: [registry],
  });
  const outcomes = new Counter({
    name: 'gateway_commands_total',
    help: 'Commands, buttons and autocomplete requests handled, by command, kind and outcome code.',
    labelNames: ['command', 'kind', 'code'],
    registers: [registry],
  });
  return {
    acknowledged: (kind: string, ms: number) => ack.observe({ kind }, Math.max(0, ms) / 1_000),
    outcome: (o: { command: string; kind: string; code: string }) =>
      outcomes.inc({ command: o.command, kind: o.kind, code: o.code }),
  };
}

/** REST-backed now-playing messages: no channel cache needed. */
function restSink(client: Client): MessageSink {
  return {
    async send(channelId, body) {
      const message = (await client.rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
      return message.id;
    },
    async edit(channelId, messageId, body) {
      await client.rest.patch(Routes.channelMessage(channelId, messageId), { body });
    },
  };
}

function outlet(client: Client, voiceStates: VoiceStateStore): DiscordOutlet {
  return {
    shardCount: () => client.options.shardCount ?? 1,
    runsShard: (shardId) => client.ws.shards.has(shardId),
    sendOnShard: (shardId, payload) => client.ws.shards.get(shardId)?.send(payload),
    async postNotice(channelId, content) {
      await client.rest.post(Routes.channelMessages(channelId), {
        body: { content, allowed_mentions: { parse: [] } },
      });
    },
    voiceMembers: (guildId) => voiceStates.voiceMembers(guildId),
  };
}

/**
 * Connects a discord.js client to the rest of the system: interactions through the command pipeline,
 * raw voice events to `to-audio`, `to-discord` payloads onto the right shard, `ui:now` into live now-playing
 * messages, and command registration once the client is ready. Returns a function that undoes it.
 */
export async function wireGateway(wiring: GatewayWiring): Promise<() => Promise<void>> {
  const { client, logger } = wiring;
  const services = {
    bus: wiring.bus,
    requestTimeoutMs: wiring.requestTimeoutMs ?? PLAYER_REQUEST_TIMEOUT_MS,
  };
  const metrics = wiring.metrics === undefined ? undefined : interactionMetrics(wiring.metrics);
  const { registry, dispatcher } = createCommandDispatcher({
    services,
    logger,
    rateLimits: wiring.rateLimits,
    guildPolicy: wiring.guildPolicy,
    premiumPolicy: wiring.premiumPolicy,
    ...(metrics === undefined
      ? {}
      : {
          // Only registered names become label values: a crafted name must not grow the series.
          onOutcome: (outcome) =>
            metrics.outcome({
              ...outcome,
              command: registry.get(outcome.command) === undefined ? 'unknown' : outcome.command,
            }),
        }),
  });

  const board = new NowPlayingBoard({
    sink: restSink(client),
    logger,
    coalescer: new EditCoalescer({
      intervalMs: NOW_PLAYING_EDIT_INTERVAL_MS,
      onError: (guildId, error) =>
        logger.warn({ err: error, guildId }, 'could not update the now-playing message'),
    }),
    ownsGuild: (guildId) => wiring.voiceStates.hasGuild(guildId),
    snapshot: async (guildId) => {
      const outcome = await wiring.bus.request(
        'nowPlaying',
        {},
        { guildId, timeoutMs: FAST_REQUEST_TIMEOUT_MS },
      );
      return outcome.ok ? outcome.value : undefined;
    },
  });

  client.on(Events.InteractionCreate, (interaction) => {
    const botUserId = client.user?.id ?? '';
    void routeInteraction(interaction, botUserId, {
      dispatcher,
      logger,
      voiceStates: wiring.voiceStates,
      ...(metrics === undefined ? {} : { onAcknowledged: metrics.acknowledged }),
    });
  });
  client.on(Events.Raw, (packet: RawPacket) => {
    if (packet.t !== 'VOICE_STATE_UPDATE' && packet.t !== 'VOICE_SERVER_UPDATE') return;
    forwardVoicePacket(packet, client.user?.id ?? '', wiring.toAudio, logger);
  });
  client.once(Events.ClientReady, (ready) => {
    registerCommandsIfChanged(
      registry,
      { apiBase: wiring.apiBase, applicationId: ready.application.id, devGuildId: wiring.devGuildId },
      wiring.fingerprints,
      (route, body) => client.rest.put(route as `/${string}`, { body }),
      logger,
    ).catch((error: unknown) => logger.error({ err: error }, 'could not register the slash commands'));
  });

  const discordOutlet = outlet(client, wiring.voiceStates);
  const unsubscribes: Unsubscribe[] = await Promise.all([
    wiring.uiEvents.subscribe(UI_NOW_CHANNEL, (event) => board.handle(event)),
    // Roster answers take the voice events' stream and publisher, so they stay in order with them.
    wiring.toDiscord.subscribe(TO_DISCORD_CHANNEL, (message) =>
      handleToDiscord(message, discordOutlet, logger, (answer) =>
        wiring.toAudio.publish(TO_AUDIO_CHANNEL, answer),
      ),
    ),
  ]);

  return async () => {
    board.close();
    await Promise.all(unsubscribes.map((unsubscribe) => unsubscribe()));
  };
}
