import type { SimVoiceServer, VoiceAudioAnalysis } from '../../src/index.js';

/** Records what the main side asks of the voice side, for tests of the glue between them. */
export class FakeVoiceServer implements SimVoiceServer {
  public readonly calls: (
    | { kind: 'allocate'; guildId: string; userId: string; sessionId: string; channelId: string }
    | { kind: 'disconnect'; guildId: string; userId: string; code: number }
    | { kind: 'crash'; guildId: string | undefined }
    | { kind: 'dropIpDiscovery'; count: number }
  )[] = [];
  private allocations = 0;

  public start(): Promise<void> {
    return Promise.resolve();
  }

  public stop(): Promise<void> {
    return Promise.resolve();
  }

  public allocate(input: { guildId: string; userId: string; sessionId: string; channelId: string }) {
    this.allocations += 1;
    this.calls.push({ kind: 'allocate', ...input });
    return { token: `voice-token-${this.allocations}`, endpoint: 'localhost:1' };
  }

  public disconnect(guildId: string, userId: string, code: number): void {
    this.calls.push({ kind: 'disconnect', guildId, userId, code });
  }

  public crash(guildId?: string): void {
    this.calls.push({ kind: 'crash', guildId });
  }

  public dropIpDiscovery(count: number): void {
    this.calls.push({ kind: 'dropIpDiscovery', count });
  }

  public analysis(): VoiceAudioAnalysis {
    return {
      connected: false,
      speaking: false,
      channelId: null,
      packetsPerSecond: 0,
      gaps: 0,
      rmsDbfs: -120,
      dominantHz: 0,
      totalPackets: 0,
      mode: null,
    };
  }
}
