import { Events, type Client } from 'discord.js';
import type { VoiceMember, VoiceStateStore } from '../../domain/services/voice-state-store.js';
import type { RawPacket } from '../messaging/voice-forwarder.js';

/** The parts of Discord's dispatches the store reads (raw JSON, snake_case). */
interface RawUser {
  readonly id?: string;
  readonly bot?: boolean;
}
interface RawMember {
  readonly user?: RawUser;
}
interface RawVoiceState {
  readonly guild_id?: string;
  readonly user_id: string;
  readonly channel_id: string | null;
  readonly member?: RawMember;
}
interface RawGuildCreate {
  readonly id: string;
  readonly unavailable?: boolean;
  readonly members?: readonly RawMember[];
  readonly voice_states?: readonly RawVoiceState[];
}

function inVoice(guild: RawGuildCreate): VoiceMember[] {
  // Discord lists the members in voice beside the voice states; a voice state may carry its member too.
  const bots = new Set<string>();
  for (const member of guild.members ?? []) {
    if (member.user?.bot === true && member.user.id !== undefined) bots.add(member.user.id);
  }
  const members: VoiceMember[] = [];
  for (const state of guild.voice_states ?? []) {
    if (state.channel_id === null) continue;
    const isBot = state.member?.user?.bot === true || bots.has(state.user_id);
    members.push({ userId: state.user_id, channelId: state.channel_id, isBot });
  }
  return members;
}

/**
 * Applies one raw gateway dispatch of shard `shardId` to `store`: READY, GUILD_CREATE, GUILD_DELETE and
 * VOICE_STATE_UPDATE; anything else is ignored.
 */
export function applyDispatch(store: VoiceStateStore, packet: RawPacket, shardId: number): void {
  const type = packet.t;
  if (type === undefined || type === null) return;
  switch (type) {
    case 'READY': {
      const d = packet.d as { guilds?: readonly { id: string }[]; user?: RawUser };
      store.sessionStarted(
        shardId,
        (d.guilds ?? []).map((guild) => guild.id),
        d.user?.id,
      );
      return;
    }
    case 'GUILD_CREATE': {
      const d = packet.d as RawGuildCreate;
      // An unavailable guild carries no state: keep what is known until it comes back.
      if (d.unavailable === true) store.guildUnavailable(shardId, d.id);
      else store.guildAvailable(shardId, d.id, inVoice(d));
      return;
    }
    case 'GUILD_DELETE': {
      const d = packet.d as { id: string; unavailable?: boolean };
      if (d.unavailable === true) store.guildUnavailable(shardId, d.id);
      else store.guildRemoved(d.id);
      return;
    }
    case 'VOICE_STATE_UPDATE': {
      const d = packet.d as RawVoiceState;
      if (d.guild_id === undefined) return;
      store.voiceStateChanged(d.guild_id, d.user_id, d.channel_id, d.member?.user?.bot === true);
      return;
    }
    default:
      return;
  }
}

/**
 * Keeps `store` in step with `client`'s gateway dispatches. Attach it before login: READY and the
 * GUILD_CREATEs that follow it fill the store. Returns a function that detaches it.
 */
export function feedVoiceStates(client: Client, store: VoiceStateStore): () => void {
  // discord.js emits every dispatch on `raw` before its own handlers run, in the order Discord sent them.
  const listener = (packet: RawPacket, shardId: number) => applyDispatch(store, packet, shardId);
  client.on(Events.Raw, listener);
  return () => void client.off(Events.Raw, listener);
}
