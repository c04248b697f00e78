import { ok } from '@discord-bot/errors';
import type { SimVoiceServer } from '../voice/voice-server-contract.js';
import type { DispatchSink } from './dispatch-sink.js';
import { isVoiceChannelType, type SimVoiceState } from './entities.js';
import { PermissionBits, hasPermission } from './permissions.js';
import { voiceStateJson } from './serialize.js';
import { badRequest, notFound, type SimResult } from './sim-failure.js';
import type { SimStore } from './sim-store.js';

/** Voice close code for "disconnected: kicked, moved or the channel was deleted"; do not resume. */
export const VOICE_CLOSE_DISCONNECTED = 4014;

export interface VoiceChange {
  readonly guildId: string;
  readonly userId: string;
  readonly channelId: string | null;
  readonly selfMute?: boolean;
  readonly selfDeaf?: boolean;
}

/**
 * Voice states and their side effects: VOICE_STATE_UPDATE for everyone, and for bots the voice server
 * session (VOICE_SERVER_UPDATE from {@link SimVoiceServer.allocate}, 4014 closes when moved out).
 */
export class VoiceService {
  public constructor(
    private readonly store: SimStore,
    private readonly sink: DispatchSink,
    private readonly voice: SimVoiceServer,
  ) {}

  /** A bot's own op 4: join, move, change mute/deaf or leave. `sessionId` is its gateway session. */
  public fromGateway(change: VoiceChange, sessionId: string): SimResult<void> {
    const checked = this.check(change);
    if (!checked.ok) return checked;
    const current = this.store.voiceState(change.guildId, change.userId);
    if (change.channelId === null) {
      if (current !== undefined) this.leave(current, VOICE_CLOSE_DISCONNECTED);
      return ok(undefined);
    }
    const moved = current?.channelId !== change.channelId;
    const state: SimVoiceState = {
      guildId: change.guildId,
      userId: change.userId,
      channelId: change.channelId,
      sessionId,
      selfMute: change.selfMute ?? current?.selfMute ?? false,
      selfDeaf: change.selfDeaf ?? current?.selfDeaf ?? false,
    };
    const sessionChanged = current !== undefined && current.sessionId !== sessionId;
    if (current !== undefined && moved) this.voice.disconnect(change.guildId, change.userId, 4014);
    this.store.putVoiceState(state);
    this.sink.dispatch('VOICE_STATE_UPDATE', voiceStateJson(this.store, state, state.channelId), {
      guildId: state.guildId,
    });
    if (moved || sessionChanged) this.allocate(state);
    return ok(undefined);
  }

  /** Someone else changed a voice state (a user joined, a moderator moved or kicked the bot). */
  public fromControl(change: VoiceChange): SimResult<void> {
    const checked = this.check(change);
    if (!checked.ok) return checked;
    const current = this.store.voiceState(change.guildId, change.userId);
    const isBot = this.store.users.get(change.userId)?.bot === true;
    if (change.channelId === null) {
      if (current !== undefined) this.leave(current, VOICE_CLOSE_DISCONNECTED);
      return ok(undefined);
    }
    if (isBot && current === undefined) return badRequest('a bot joins voice itself (gateway op 4)');
    if (current?.channelId === change.channelId) return ok(undefined);
    const state: SimVoiceState = {
      guildId: change.guildId,
      userId: change.userId,
      channelId: change.channelId,
      sessionId: current?.sessionId ?? this.store.ids.next(),
      selfMute: change.selfMute ?? current?.selfMute ?? false,
      selfDeaf: change.selfDeaf ?? current?.selfDeaf ?? false,
    };
    this.store.putVoiceState(state);
    this.sink.dispatch('VOICE_STATE_UPDATE', voiceStateJson(this.store, state, state.channelId), {
      guildId: state.guildId,
    });
    if (isBot) {
      this.voice.disconnect(state.guildId, state.userId, VOICE_CLOSE_DISCONNECTED);
      this.allocate(state);
    }
    return ok(undefined);
  }

  /** Everyone in `channelId` is disconnected (the channel is being deleted). */
  public evictChannel(channelId: string): void {
    for (const state of [...this.store.voiceStates.values()]) {
      if (state.channelId === channelId) this.leave(state, VOICE_CLOSE_DISCONNECTED);
    }
  }

  /** One member leaves voice (kicked from the guild). */
  public evictMember(guildId: string, userId: string): void {
    const state = this.store.voiceState(guildId, userId);
    if (state !== undefined) this.leave(state, VOICE_CLOSE_DISCONNECTED);
  }

  /** Everyone in the guild is disconnected (the guild is being deleted). */
  public evictGuild(guildId: string): void {
    for (const state of this.store.guildVoiceStates(guildId)) this.leave(state, VOICE_CLOSE_DISCONNECTED);
  }

  private leave(state: SimVoiceState, code: number): void {
    this.store.deleteVoiceState(state.guildId, state.userId);
    this.sink.dispatch('VOICE_STATE_UPDATE', voiceStateJson(this.store, state, null), {
      guildId: state.guildId,
    });
    if (this.store.users.get(state.userId)?.bot === true)
      this.voice.disconnect(state.guildId, state.userId, code);
  }

  private allocate(state: SimVoiceState): void {
    const app = this.store.applicationByBotUser(state.userId);
    if (app === undefined) return;
    const allocation = this.voice.allocate({
      guildId: state.guildId,
      userId: state.userId,
      sessionId: state.sessionId,
      channelId: state.channelId,
    });
    this.sink.dispatch(
      'VOICE_SERVER_UPDATE',
      { token: allocation.token, guild_id: state.guildId, endpoint: allocation.endpoint },
      { guildId: state.guildId, applicationId: app.id },
    );
  }

  private check(change: VoiceChange): SimResult<void> {
    if (!this.store.guilds.has(change.guildId)) return notFound(`unknown guild ${change.guildId}`);
    if (this.store.member(change.guildId, change.userId) === undefined) {
      return notFound(`user ${change.userId} is not a member of guild ${change.guildId}`);
    }
    if (change.channelId === null) return ok(undefined);
    const channel = this.store.channels.get(change.channelId);
    if (channel?.guildId !== change.guildId)
      return notFound(`unknown channel ${change.channelId} in this guild`);
    if (!isVoiceChannelType(channel.type)) return badRequest(`channel ${channel.id} is not a voice channel`);
    const perms = this.store.memberPermissions(change.guildId, change.userId);
    if (!hasPermission(perms, PermissionBits.ViewChannel | PermissionBits.Connect)) {
      return { ok: false, error: { status: 403, message: 'missing CONNECT permission for this channel' } };
    }
    return ok(undefined);
  }
}
