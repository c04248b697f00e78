import { randomBytes } from 'node:crypto';
import type { AudioStreamMonitor } from './audio-stream-monitor.js';
import { createTransportDecryptor, type TransportDecryptor } from './transport-decryptor.js';
import { VOICE_SECRET_KEY_BYTES } from './voice-protocol.js';
import type { VoiceEncryptionMode } from './voice-server-contract.js';

/** A server message the client acknowledges by `seq`, kept until acknowledged so a resume can replay it. */
export interface SequencedMessage {
  readonly seq: number;
  readonly text: string;
}

/** Sequenced messages kept for replay; older ones are dropped (a client that far behind re-identifies). */
const MAX_UNACKNOWLEDGED_MESSAGES = 100;

/** The socket a session is currently bound to, seen from the session. */
export interface SessionSocket {
  sendText(text: string): void;
  close(code: number, reason: string): void;
}

/**
 * One bot user's voice session in one guild, from `allocate()` until it ends. Outlives its sockets: a client
 * resumes it on a new socket after a 4015 or a dropped connection.
 */
export class VoiceSession {
  public channelId: string;
  public mode: VoiceEncryptionMode | null = null;
  public decryptor: TransportDecryptor | null = null;
  public speaking = false;
  public socket: SessionSocket | null = null;
  /** When the session lost its socket (ms), for expiry; `null` while bound. */
  public detachedAtMs: number | null;
  private lastSeq = 0;
  private acknowledged = 0;
  private readonly unacknowledged: SequencedMessage[] = [];

  public constructor(
    public readonly guildId: string,
    public readonly userId: string,
    public readonly sessionId: string,
    public readonly token: string,
    public readonly ssrc: number,
    channelId: string,
    public readonly audio: AudioStreamMonitor,
    nowMs: number,
  ) {
    this.channelId = channelId;
    this.detachedAtMs = nowMs;
  }

  /** Ready to carry audio: bound to a socket and a transport mode agreed. */
  public get connected(): boolean {
    return this.socket !== null && this.mode !== null;
  }

  /** A fresh IDENTIFY starts a fresh transport: no mode or key until SELECT_PROTOCOL, a new RTP stream. */
  public resetTransport(): void {
    this.mode = null;
    this.decryptor = null;
    this.audio.endStream();
  }

  /** Agrees the transport mode and returns the fresh key to send in SESSION_DESCRIPTION; a new RTP stream follows. */
  public selectMode(mode: VoiceEncryptionMode): number[] {
    const key = randomBytes(VOICE_SECRET_KEY_BYTES);
    this.mode = mode;
    this.decryptor = createTransportDecryptor(mode, key);
    this.audio.endStream();
    return [...key];
  }

  /** Binds `socket`, closing a previous one (its client was replaced). */
  public attach(socket: SessionSocket, closePrevious: { code: number; reason: string }): void {
    if (this.socket !== null && this.socket !== socket)
      this.socket.close(closePrevious.code, closePrevious.reason);
    this.socket = socket;
    this.detachedAtMs = null;
  }

  /** Unbinds `socket` if it is the bound one; the stream pauses. */
  public detach(socket: SessionSocket, nowMs: number): void {
    if (this.socket !== socket) return;
    this.socket = null;
    this.detachedAtMs = nowMs;
    this.speaking = false;
    this.audio.flush();
  }

  /** Stamps `payload` with the next `seq`, keeps it for replay and sends it on the bound socket. */
  public sendSequenced(payload: { op: number; d: unknown }): void {
    this.lastSeq += 1;
    const message = { seq: this.lastSeq, text: JSON.stringify({ ...payload, seq: this.lastSeq }) };
    this.unacknowledged.push(message);
    if (this.unacknowledged.length > MAX_UNACKNOWLEDGED_MESSAGES) this.unacknowledged.shift();
    this.socket?.sendText(message.text);
  }

  /** The client has seen everything up to `seqAck` (from a heartbeat or a resume). */
  public acknowledge(seqAck: number): void {
    if (!Number.isInteger(seqAck) || seqAck <= this.acknowledged || seqAck > this.lastSeq) return;
    this.acknowledged = seqAck;
    while (this.unacknowledged.length > 0 && this.unacknowledged[0]!.seq <= seqAck)
      this.unacknowledged.shift();
  }

  /** Messages sent after `seqAck`, to replay after RESUMED. */
  public messagesAfter(seqAck: number): readonly SequencedMessage[] {
    return this.unacknowledged.filter((message) => message.seq > seqAck);
  }

  /** Ends the session for good: closes its socket with `code` and stops decoding. */
  public end(code: number, reason: string, nowMs: number): void {
    const socket = this.socket;
    if (socket !== null) {
      this.detach(socket, nowMs);
      socket.close(code, reason);
    }
    this.resetTransport();
  }
}
