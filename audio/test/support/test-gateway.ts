/**
 * The gateway's voice duty, and nothing else, for tests: a discord.js client logged in to the simulator that
 * forwards the raw voice events to `to-audio`, sends `to-discord` gateway payloads (op 4) on its shard and
 * answers voice roster requests from its voice-state cache, exactly as the gateway service does. Channel
 * notices are collected for assertions.
 */
import {
  createEnvelope,
  TO_AUDIO_CHANNEL,
  TO_DISCORD_CHANNEL,
  type StreamBus,
  type ToAudioMessage,
  type ToDiscordMessage,
  type Unsubscribe,
  type VoiceRosterMember,
} from '@discord-bot/messaging';
import { Client, Events, GatewayIntentBits } from 'discord.js';

/** A Discord-shaped bot token: its first segment is base64 of the bot user id. */
export const BOT_USER_ID = '123456789012345678';
export const BOT_TOKEN = `${Buffer.from(BOT_USER_ID).toString('base64')}.sim.sim`;

type Notice = Extract<ToDiscordMessage, { type: 'channel.notice' }>;

export interface TestGateway {
  readonly client: Client;
  readonly notices: Notice[];
  close(): Promise<void>;
}

interface RawVoiceState {
  guild_id: string;
  user_id: string;
  channel_id: string | null;
  session_id: string | null;
  self_deaf?: boolean;
  self_mute?: boolean;
  deaf?: boolean;
  mute?: boolean;
  suppress?: boolean;
  member?: { user?: { bot?: boolean } };
}

function toAudioMessage(packet: { t?: string | null; d?: unknown }): ToAudioMessage | undefined {
  if (packet.t === 'VOICE_STATE_UPDATE') {
    const d = packet.d as RawVoiceState;
    return createEnvelope(
      'voice.state',
      {
        userId: d.user_id,
        channelId: d.channel_id,
        sessionId: d.session_id ?? '',
        isBot: d.member?.user?.bot ?? d.user_id === BOT_USER_ID,
        selfDeaf: d.self_deaf ?? false,
        selfMute: d.self_mute ?? false,
        serverDeaf: d.deaf ?? false,
        serverMute: d.mute ?? false,
        suppress: d.suppress ?? false,
      },
      { guildId: d.guild_id },
    );
  }
  if (packet.t === 'VOICE_SERVER_UPDATE') {
    const d = packet.d as { guild_id: string; token: string; endpoint: string | null };
    return createEnvelope('voice.server', { token: d.token, endpoint: d.endpoint }, { guildId: d.guild_id });
  }
  return undefined;
}

/** Who sits in a voice channel of the guild, from the client's cache; undefined for a guild it lacks. */
function voiceMembers(client: Client, guildId: string): VoiceRosterMember[] | undefined {
  const guild = client.guilds.cache.get(guildId);
  if (guild === undefined) return undefined;
  return [...guild.voiceStates.cache.values()].flatMap((state) =>
    state.channelId === null
      ? []
      : [
          {
            userId: state.id,
            channelId: state.channelId,
            isBot: state.member?.user.bot ?? state.id === BOT_USER_ID,
          },
        ],
  );
}

/** Logs a bot in to the simulator at `restBase` and wires its voice events to the buses. */
export async function startTestGateway(options: {
  readonly restBase: string;
  readonly toAudio: StreamBus;
  readonly toDiscord: StreamBus;
}): Promise<TestGateway> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildVoiceStates],
    rest: { api: options.restBase },
  });
  const notices: Notice[] = [];
  client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }) => {
    const message = toAudioMessage(packet);
    if (message !== undefined) void options.toAudio.publish(TO_AUDIO_CHANNEL, message);
  });
  const unsubscribe: Unsubscribe = await options.toDiscord.subscribe(TO_DISCORD_CHANNEL, (message) => {
    if (message.type === 'channel.notice') {
      notices.push(message);
      return;
    }
    if (message.type === 'voice.roster.request') {
      const members = voiceMembers(client, message.guildId);
      if (members === undefined) return;
      const roster = createEnvelope('voice.roster', { members }, { guildId: message.guildId });
      void options.toAudio.publish(TO_AUDIO_CHANNEL, roster);
      return;
    }
    const shard = client.guilds.cache.get(message.guildId)?.shard ?? client.ws.shards.first();
    shard?.send({ op: message.payload.op, d: message.payload.d });
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(BOT_TOKEN);
  await ready;
  return {
    client,
    notices,
    async close() {
      await unsubscribe();
      await client.destroy();
    },
  };
}
