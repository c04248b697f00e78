import {
  createVoiceServer,
  issueServerCertificate,
  readCertificateAuthority,
  type SimVoiceServer,
  type VoiceAudioAnalysis,
} from '@discord-bot/discord-sim';
import type { VoiceTarget } from '../../../src/engine/index.js';

/** Set by the root Vitest global setup, which also trusts the authority through NODE_EXTRA_CA_CERTS. */
export const SIM_CA_DIR = process.env['DISCORD_SIM_CA_DIR'];

/** A started simulator voice server whose TLS certificate chains to the test authority. */
export async function startSimVoice(): Promise<SimVoiceServer> {
  if (SIM_CA_DIR === undefined)
    throw new Error('DISCORD_SIM_CA_DIR is not set: run through the root vitest config');
  const { ca } = await readCertificateAuthority(SIM_CA_DIR);
  const server = createVoiceServer({ tls: await issueServerCertificate(ca) });
  await server.start();
  return server;
}

/** Registers a bot's voice session the way the main gateway would after op 4, and returns the PATCH data. */
export function allocateVoice(server: SimVoiceServer, ids: { guildId: string; userId: string }): VoiceTarget {
  const channelId = '400000000000000004';
  const sessionId = `session-${ids.guildId}`;
  const { token, endpoint } = server.allocate({ ...ids, sessionId, channelId });
  return { ...ids, channelId, sessionId, token, endpoint };
}

/** Polls the simulator's analysis until `accept` holds. */
export async function hear(
  server: SimVoiceServer,
  guildId: string,
  accept: (analysis: VoiceAudioAnalysis) => boolean,
  { windowMs = 1_000, timeoutMs = 10_000 } = {},
): Promise<VoiceAudioAnalysis> {
  const deadline = Date.now() + timeoutMs;
  let last = server.analysis(guildId, windowMs);
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`not heard in time; last analysis ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = server.analysis(guildId, windowMs);
  }
  return last;
}
