import type { RawData, WebSocket } from 'ws';
import {
  parseVoicePayload,
  readHeartbeat,
  readIdentify,
  readResume,
  readSelectProtocol,
  readSpeaking,
} from './voice-payload.js';
import {
  HEARTBEAT_TIMEOUT_INTERVALS,
  SIM_DAVE_PROTOCOL_VERSION,
  VOICE_GATEWAY_VERSION,
  VoiceCloseCode,
  VoiceOpcode,
} from './voice-protocol.js';
import type { VoiceSessionRegistry } from './voice-session-registry.js';
import type { SessionSocket, VoiceSession } from './voice-session.js';
import type { VoiceEncryptionMode } from './voice-server-contract.js';

/** What a voice gateway connection needs from the server around it. */
export interface VoiceGatewayContext {
  readonly registry: VoiceSessionRegistry;
  readonly modes: readonly VoiceEncryptionMode[];
  /** The UDP endpoint announced in READY. */
  readonly udp: () => { readonly ip: string; readonly port: number };
  readonly now: () => number;
  /** Announced in HELLO; two intervals without a heartbeat close the socket with 4009. */
  readonly heartbeatIntervalMs: number;
}

/** Client opcodes the simulator accepts and ignores: video, client lists, DAVE (declined). */
const IGNORED_OPCODE_MIN = 10;
const IGNORED_OPCODE_MAX = 31;

/**
 * One client's voice gateway WebSocket: HELLO, IDENTIFY or RESUME, UDP protocol selection, heartbeats and
 * SPEAKING. Protocol violations close the socket with Discord's close codes.
 */
export class VoiceGatewayConnection implements SessionSocket {
  private session: VoiceSession | null = null;
  private heartbeatDeadline: NodeJS.Timeout | null = null;

  public constructor(
    private readonly ws: WebSocket,
    private readonly context: VoiceGatewayContext,
  ) {
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => this.onClose());
    // A socket error is followed by 'close'; without a listener it would crash the process.
    ws.on('error', () => undefined);
    this.sendText(
      JSON.stringify({
        op: VoiceOpcode.Hello,
        d: { v: VOICE_GATEWAY_VERSION, heartbeat_interval: this.context.heartbeatIntervalMs },
      }),
    );
    this.expectHeartbeat();
  }

  public sendText(text: string): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(text);
  }

  public close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING)
      this.ws.close(code, reason);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    // Binary frames carry DAVE MLS messages; DAVE is declined, so they are tolerated and ignored.
    if (isBinary) return;
    const payload = parseVoicePayload(textOf(data));
    if (payload === null) {
      this.close(VoiceCloseCode.FailedToDecode, 'failed to decode payload');
      return;
    }
    switch (payload.op) {
      case VoiceOpcode.Heartbeat:
        this.onHeartbeat(payload.d);
        return;
      case VoiceOpcode.Identify:
        this.onIdentify(payload.d);
        return;
      case VoiceOpcode.Resume:
        this.onResume(payload.d);
        return;
      default:
        break;
    }
    if (this.session === null) {
      this.close(VoiceCloseCode.NotAuthenticated, 'not authenticated');
    } else if (payload.op === VoiceOpcode.SelectProtocol) {
      this.onSelectProtocol(this.session, payload.d);
    } else if (payload.op === VoiceOpcode.Speaking) {
      this.onSpeaking(this.session, payload.d);
    } else if (payload.op < IGNORED_OPCODE_MIN || payload.op > IGNORED_OPCODE_MAX) {
      this.close(VoiceCloseCode.UnknownOpcode, 'unknown opcode');
    }
  }

  private onHeartbeat(d: unknown): void {
    const { nonce, seqAck } = readHeartbeat(d);
    if (seqAck !== null) this.session?.acknowledge(seqAck);
    this.sendText(JSON.stringify({ op: VoiceOpcode.HeartbeatAck, d: { t: nonce } }));
    this.expectHeartbeat();
  }

  private onIdentify(d: unknown): void {
    if (this.session !== null) {
      this.close(VoiceCloseCode.AlreadyAuthenticated, 'already authenticated');
      return;
    }
    const identify = readIdentify(d);
    if (identify === null) {
      this.close(VoiceCloseCode.FailedToDecode, 'malformed identify');
      return;
    }
    const session = this.context.registry.find(identify.serverId, identify.userId);
    if (session === undefined || session.token !== identify.token) {
      this.close(VoiceCloseCode.AuthenticationFailed, 'authentication failed');
      return;
    }
    if (session.sessionId !== identify.sessionId) {
      this.close(VoiceCloseCode.SessionNoLongerValid, 'session no longer valid');
      return;
    }
    this.bind(session);
    session.resetTransport();
    const { ip, port } = this.context.udp();
    session.sendSequenced({
      op: VoiceOpcode.Ready,
      d: {
        ssrc: session.ssrc,
        ip,
        port,
        modes: [...this.context.modes],
        heartbeat_interval: this.context.heartbeatIntervalMs,
      },
    });
  }

  private onResume(d: unknown): void {
    if (this.session !== null) {
      this.close(VoiceCloseCode.AlreadyAuthenticated, 'already authenticated');
      return;
    }
    const resume = readResume(d);
    if (resume === null) {
      this.close(VoiceCloseCode.FailedToDecode, 'malformed resume');
      return;
    }
    const session = this.context.registry
      .list(resume.serverId)
      .find((candidate) => candidate.sessionId === resume.sessionId && candidate.token === resume.token);
    if (session === undefined || session.mode === null) {
      this.close(VoiceCloseCode.SessionNoLongerValid, 'session no longer valid');
      return;
    }
    this.bind(session);
    this.sendText(JSON.stringify({ op: VoiceOpcode.Resumed, d: null }));
    const seqAck = resume.seqAck ?? 0;
    for (const message of session.messagesAfter(seqAck)) this.sendText(message.text);
    session.acknowledge(seqAck);
  }

  private onSelectProtocol(session: VoiceSession, d: unknown): void {
    const selection = readSelectProtocol(d);
    if (selection === null) {
      this.close(VoiceCloseCode.FailedToDecode, 'malformed select protocol');
      return;
    }
    if (selection.protocol !== 'udp') {
      this.close(VoiceCloseCode.UnknownProtocol, 'unknown protocol');
      return;
    }
    const mode = this.context.modes.find((offered) => offered === selection.mode);
    if (mode === undefined) {
      this.close(VoiceCloseCode.UnknownEncryptionMode, 'unknown encryption mode');
      return;
    }
    const secretKey = session.selectMode(mode);
    session.sendSequenced({
      op: VoiceOpcode.SessionDescription,
      d: {
        mode,
        secret_key: secretKey,
        dave_protocol_version: SIM_DAVE_PROTOCOL_VERSION,
        audio_codec: 'opus',
        media_session_id: session.sessionId,
      },
    });
  }

  private onSpeaking(session: VoiceSession, d: unknown): void {
    const speaking = readSpeaking(d);
    if (speaking === null) {
      this.close(VoiceCloseCode.FailedToDecode, 'malformed speaking');
      return;
    }
    session.speaking = speaking !== 0;
    if (!session.speaking) session.audio.flush();
  }

  private bind(session: VoiceSession): void {
    session.attach(this, {
      code: VoiceCloseCode.SessionNoLongerValid,
      reason: 'another connection took the session',
    });
    this.session = session;
  }

  private expectHeartbeat(): void {
    if (this.heartbeatDeadline !== null) clearTimeout(this.heartbeatDeadline);
    this.heartbeatDeadline = setTimeout(() => {
      if (this.session !== null)
        this.context.registry.end(this.session, VoiceCloseCode.SessionTimeout, 'session timed out');
      this.close(VoiceCloseCode.SessionTimeout, 'session timed out');
    }, HEARTBEAT_TIMEOUT_INTERVALS * this.context.heartbeatIntervalMs);
    this.heartbeatDeadline.unref();
  }

  private onClose(): void {
    if (this.heartbeatDeadline !== null) clearTimeout(this.heartbeatDeadline);
    this.heartbeatDeadline = null;
    this.session?.detach(this, this.context.now());
    this.session = null;
  }
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(new Uint8Array(data)).toString('utf8');
}
