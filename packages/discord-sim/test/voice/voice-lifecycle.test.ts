import {
  createAudioPlayer,
  entersState,
  VoiceConnectionDisconnectReason,
  VoiceConnectionStatus,
  type AudioPlayer,
  type VoiceConnection,
} from '@discordjs/voice';
import { afterEach, describe, expect, it } from 'vitest';
import { VoiceCloseCode, type SimVoiceServer, type VoiceAudioAnalysis } from '../../src/voice/index.js';
import { joinThroughSimulatedGateway, type VoiceIdentity } from './support/simulated-gateway-adapter.js';
import { startTestVoiceServer } from './support/test-voice-server.js';
import { toneResource } from './support/tone.js';
import { waitFor } from './support/wait-for.js';

const identity: VoiceIdentity = {
  guildId: '1300000000000000001',
  channelId: '1300000000000000002',
  userId: '1300000000000000003',
  sessionId: 'voice-lifecycle-session',
};

describe('GIVEN a real @discordjs/voice client connected to the voice server', () => {
  let server: SimVoiceServer | undefined;
  let connection: VoiceConnection | undefined;
  let player: AudioPlayer | undefined;

  afterEach(async () => {
    player?.stop(true);
    connection?.destroy();
    await server?.stop();
  });

  it('WHEN the main side disconnects it with 4014 THEN the client sees a kick and does not reconnect', async () => {
    server = await startTestVoiceServer();
    const join = joinThroughSimulatedGateway(server, identity);
    connection = join.connection;
    await entersState(connection, VoiceConnectionStatus.Ready, 10_000);

    server.disconnect(identity.guildId, identity.userId, VoiceCloseCode.Disconnected);
    await entersState(connection, VoiceConnectionStatus.Disconnected, 5_000);
    expect(connection.state).toMatchObject({
      status: VoiceConnectionStatus.Disconnected,
      reason: VoiceConnectionDisconnectReason.WebSocketClose,
      closeCode: 4014,
    });
    expect(join.joins()).toBe(1);
    expect(server.analysis(identity.guildId, 1_000).connected).toBe(false);
  });

  it('WHEN the voice server crashes mid-tone THEN the client resumes the same session and the tone carries on without gaps', async () => {
    server = await startTestVoiceServer();
    const voice = server;
    const join = joinThroughSimulatedGateway(server, identity);
    connection = join.connection;
    await entersState(connection, VoiceConnectionStatus.Ready, 10_000);
    player = createAudioPlayer();
    connection.subscribe(player);
    player.play(toneResource(440, 8));
    const read = (): VoiceAudioAnalysis => voice.analysis(identity.guildId, 1_000);
    const before = await waitFor(read, (a) => a.totalPackets >= 25 && Math.abs(a.dominantHz - 440) < 8.8, {
      what: 'half a second of 440 Hz before the crash',
    });

    const statuses: string[] = [];
    connection.on('stateChange', (_old, next) => statuses.push(next.status));
    server.crash(identity.guildId);
    await waitFor(
      () => statuses,
      (seen) => seen.includes(VoiceConnectionStatus.Connecting),
      { what: 'the client to notice' },
    );
    await entersState(connection, VoiceConnectionStatus.Ready, 10_000);

    const after = await waitFor(read, (a) => a.connected && a.totalPackets >= before.totalPackets + 50, {
      what: 'a second of audio after the resume',
    });
    expect(join.joins()).toBe(1);
    expect(after).toMatchObject({ connected: true, gaps: 0, mode: before.mode });
    expect(Math.abs(after.dominantHz - 440)).toBeLessThan(8.8);
    console.log('before crash', before, 'after resume', after, 'client statuses', statuses);
  });
});
