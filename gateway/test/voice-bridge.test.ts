import { createSilentLogger } from '@discord-bot/logger';
import {
  createEnvelope,
  toAudioMessageSchema,
  type ToAudioMessage,
  type VoiceRosterMember,
} from '@discord-bot/messaging';
import { describe, expect, it } from 'vitest';
import { handleToDiscord, type DiscordOutlet } from '../src/application/use-cases/to-discord-handler.js';
import { shardOfGuild } from '../src/domain/services/shard-of-guild.js';
import { toAudioMessage } from '../src/infrastructure/messaging/voice-forwarder.js';

const BOT = '1000';

describe('raw voice events -> to-audio', () => {
  it('GIVEN the bot VOICE_STATE_UPDATE THEN a valid voice.state message carries its session', () => {
    const message = toAudioMessage(
      {
        t: 'VOICE_STATE_UPDATE',
        d: { guild_id: '200', user_id: BOT, channel_id: '400', session_id: 's1', self_deaf: true },
      },
      BOT,
    );
    expect(toAudioMessageSchema.parse(message)).toMatchObject({
      type: 'voice.state',
      guildId: '200',
      payload: { userId: BOT, channelId: '400', sessionId: 's1', isBot: true, selfDeaf: true },
    });
  });

  it('GIVEN VOICE_SERVER_UPDATE THEN a valid voice.server message carries token and endpoint', () => {
    const message = toAudioMessage(
      { t: 'VOICE_SERVER_UPDATE', d: { guild_id: '200', token: 'secret', endpoint: 'localhost:1234' } },
      BOT,
    );
    expect(toAudioMessageSchema.parse(message)).toMatchObject({
      type: 'voice.server',
      payload: { token: 'secret', endpoint: 'localhost:1234' },
    });
  });

  it('GIVEN other dispatches or a state without guild THEN nothing is forwarded', () => {
    expect(toAudioMessage({ t: 'MESSAGE_CREATE', d: {} }, BOT)).toBeUndefined();
    expect(
      toAudioMessage(
        { t: 'VOICE_STATE_UPDATE', d: { user_id: '1', channel_id: null, session_id: 'x' } },
        BOT,
      ),
    ).toBeUndefined();
  });
});

describe('to-discord -> the right shard', () => {
  function outlet(
    runs: number[],
    shardCount: number,
    voice: Readonly<Record<string, readonly VoiceRosterMember[]>> = {},
  ) {
    const sent: { shardId: number; op: number }[] = [];
    const notices: string[] = [];
    const value: DiscordOutlet = {
      shardCount: () => shardCount,
      runsShard: (id) => runs.includes(id),
      sendOnShard: (shardId, payload) => void sent.push({ shardId, op: payload.op }),
      postNotice: (channelId, content) => Promise.resolve(void notices.push(`${channelId}:${content}`)),
      voiceMembers: (guildId) => voice[guildId],
    };
    return { value, sent, notices };
  }
  const answers: ToAudioMessage[] = [];
  const answerAudio = (message: ToAudioMessage) => Promise.resolve(void answers.push(message));
  // Guild ids whose shard (of 4) is known: (id >> 22) % 4.
  const guildOnShard = (shard: number) => String((BigInt(1000 + shard) << 22n) + 5n);

  it('THEN the shard follows Discord rule', () => {
    expect(shardOfGuild(guildOnShard(3), 4)).toBe(3);
    expect(shardOfGuild('41771983423143937', 1)).toBe(0);
  });

  it('GIVEN an op 4 for a guild on a shard this process runs THEN it goes out on that shard only', async () => {
    const { value, sent } = outlet([1, 3], 4);
    const send = (guildId: string) =>
      handleToDiscord(
        createEnvelope('gateway.send', { op: 4, d: { guild_id: guildId, channel_id: '400' } }, { guildId }),
        value,
        createSilentLogger(),
        answerAudio,
      );
    await send(guildOnShard(3));
    await send(guildOnShard(2));
    expect(sent).toEqual([{ shardId: 3, op: 4 }]);
  });

  it('GIVEN a channel notice THEN it is posted by the process running the guild shard', async () => {
    const { value, notices } = outlet([0], 1);
    await handleToDiscord(
      createEnvelope(
        'channel.notice',
        { channelId: '300', code: 'NODE_DOWN', message: 'Reconnecting…' },
        { guildId: '200' },
      ),
      value,
      createSilentLogger(),
      answerAudio,
    );
    expect(notices).toEqual(['300:Reconnecting…']);
  });

  it('GIVEN a voice roster request THEN the process running the guild shard answers its voice members on to-audio', async () => {
    const guildId = guildOnShard(1);
    const members = [
      { userId: '501', channelId: '400', isBot: false },
      { userId: BOT, channelId: '400', isBot: true },
    ];
    const running = outlet([1], 4, { [guildId]: members });
    const elsewhere = outlet([0, 2, 3], 4, { [guildId]: members });
    const request = createEnvelope('voice.roster.request', {}, { guildId, correlationId: 'restore-1' });
    answers.length = 0;

    await handleToDiscord(request, elsewhere.value, createSilentLogger(), answerAudio);
    expect(answers).toEqual([]);
    await handleToDiscord(request, running.value, createSilentLogger(), answerAudio);

    expect(answers).toHaveLength(1);
    expect(toAudioMessageSchema.parse(answers[0])).toMatchObject({
      type: 'voice.roster',
      guildId,
      correlationId: 'restore-1',
      payload: { members },
    });
  });

  it('GIVEN a voice roster request for a guild not available here THEN no roster is invented', async () => {
    const request = createEnvelope('voice.roster.request', {}, { guildId: '200' });
    answers.length = 0;
    await handleToDiscord(request, outlet([0], 1).value, createSilentLogger(), answerAudio);
    expect(answers).toEqual([]);
  });
});
