import { createSocket, type Socket } from 'node:dgram';
import OpusScript from 'opusscript';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VoiceOpcode, type SimVoiceServer } from '../../src/voice/index.js';
import { RawVoiceClient } from './support/raw-voice-client.js';
import { sealRtpPacket } from './support/seal-rtp-packet.js';
import { startTestVoiceServer } from './support/test-voice-server.js';
import { waitFor } from './support/wait-for.js';

const guildId = '1400000000000000001';
const userId = '1400000000000000002';
const sessionId = 'udp-audio-session';
const FRAME_SAMPLES = 960;

/** 20 ms Opus frames of a stereo sine, encoded as a client would. */
function opusTone(frequencyHz: number, frames: number): Buffer[] {
  const encoder = new OpusScript(48_000, 2, OpusScript.Application.AUDIO);
  try {
    return Array.from({ length: frames }, (_, frame) => {
      const pcm = Buffer.alloc(FRAME_SAMPLES * 4);
      for (let i = 0; i < FRAME_SAMPLES; i += 1) {
        const t = frame * FRAME_SAMPLES + i;
        const value = Math.round(16_000 * Math.sin((2 * Math.PI * frequencyHz * t) / 48_000));
        pcm.writeInt16LE(value, i * 4);
        pcm.writeInt16LE(value, i * 4 + 2);
      }
      return encoder.encode(pcm, FRAME_SAMPLES);
    });
  } finally {
    encoder.delete();
  }
}

describe('GIVEN a session that selected aead_xchacha20_poly1305_rtpsize over a bare client', () => {
  let server: SimVoiceServer;
  let client: RawVoiceClient;
  let udp: Socket;
  let key: Uint8Array;
  let ssrc: number;
  let target: { ip: string; port: number };

  beforeEach(async () => {
    server = await startTestVoiceServer({ modes: ['aead_xchacha20_poly1305_rtpsize'] });
    const { token, endpoint } = server.allocate({
      guildId,
      userId,
      sessionId,
      channelId: '1400000000000000003',
    });
    client = await RawVoiceClient.connect(endpoint);
    client.send({
      op: VoiceOpcode.Identify,
      d: { server_id: guildId, user_id: userId, session_id: sessionId, token },
    });
    const ready = (await client.next(VoiceOpcode.Ready)).d as { ssrc: number; ip: string; port: number };
    ({ ssrc } = ready);
    target = { ip: ready.ip, port: ready.port };
    client.send({
      op: VoiceOpcode.SelectProtocol,
      d: {
        protocol: 'udp',
        data: { address: '127.0.0.1', port: 1, mode: 'aead_xchacha20_poly1305_rtpsize' },
      },
    });
    const description = (await client.next(VoiceOpcode.SessionDescription)).d as { secret_key: number[] };
    key = Uint8Array.from(description.secret_key);
    udp = createSocket('udp4');
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  });

  afterEach(async () => {
    udp.close();
    client.close();
    await server.stop();
  });

  it('WHEN frames arrive reordered, two are lost and one is forged THEN the analysis counts two gaps and still hears the tone', async () => {
    const frames = opusTone(440, 50);
    const order = frames.map((_, index) => index).filter((index) => index !== 10 && index !== 11);
    // Swap two frames in flight: the jitter buffer must put them back without calling it loss.
    [order[20], order[21]] = [order[21]!, order[20]!];
    const base = 65_530; // crosses the 16-bit sequence wrap
    for (const index of order) {
      const packet = sealRtpPacket('aead_xchacha20_poly1305_rtpsize', key, frames[index]!, {
        sequence: (base + index) % 65_536,
        timestamp: index * FRAME_SAMPLES,
        ssrc,
        counter: index + 1,
        extensionWords: index % 2, // some with a header extension, as Discord's own clients send
      });
      udp.send(packet, target.port, target.ip);
    }
    udp.send(
      sealRtpPacket('aead_xchacha20_poly1305_rtpsize', new Uint8Array(32), frames[0]!, { ssrc, sequence: 1 }),
      target.port,
      target.ip,
    );
    client.send({ op: VoiceOpcode.Speaking, d: { speaking: 0, delay: 0, ssrc } });

    const heard = await waitFor(
      () => server.analysis(guildId, 5_000),
      (a) => a.totalPackets === 48 && a.gaps === 2,
      { what: '48 packets and 2 gaps', timeoutMs: 5_000 },
    );
    expect(Math.abs(heard.dominantHz - 440)).toBeLessThan(8.8);
    expect(heard.mode).toBe('aead_xchacha20_poly1305_rtpsize');
  });
});
