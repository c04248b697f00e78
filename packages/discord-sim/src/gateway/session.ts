import type { DispatchEvent } from '../model/dispatch-sink.js';
import type { JsonObject, SimApplication } from '../model/entities.js';
import { GatewayOp } from './opcodes.js';

/** The live socket a session currently writes to. */
export interface SessionSocket {
  send(text: string): void;
}

interface Buffered {
  readonly seq: number;
  readonly text: string;
}

/**
 * One bot gateway session: its shard, intents and sequence, and the last dispatches kept for RESUME.
 * A session outlives its socket: dispatches while disconnected are buffered and replayed on resume.
 */
export class GatewaySession {
  private seq = 0;
  private readonly buffer: Buffered[] = [];
  private socket: SessionSocket | null = null;
  /** When the socket went away (null while connected). */
  public disconnectedAtMs: number | null = null;

  public constructor(
    public readonly id: string,
    public readonly app: SimApplication,
    public readonly shardId: number,
    public readonly shardCount: number,
    public readonly intents: number,
    private readonly bufferSize: number,
  ) {}

  public get connected(): boolean {
    return this.socket !== null;
  }

  public get sequence(): number {
    return this.seq;
  }

  public attach(socket: SessionSocket): void {
    this.socket = socket;
    this.disconnectedAtMs = null;
  }

  public detach(socket: SessionSocket): void {
    if (this.socket !== socket) return;
    this.socket = null;
    this.disconnectedAtMs = Date.now();
  }

  /** Numbers, buffers and (when connected) sends a dispatch. */
  public dispatch(
    event: DispatchEvent | 'READY' | 'RESUMED' | 'GUILD_MEMBERS_CHUNK',
    data: JsonObject,
  ): void {
    this.seq += 1;
    const text = JSON.stringify({ op: GatewayOp.Dispatch, t: event, s: this.seq, d: data });
    this.buffer.push({ seq: this.seq, text });
    if (this.buffer.length > this.bufferSize) this.buffer.shift();
    this.socket?.send(text);
  }

  /** The buffered dispatches after `seq`, or null when some of them were already dropped. */
  public missedSince(seq: number): string[] | null {
    if (seq > this.seq) return null;
    const first = this.buffer[0]?.seq ?? this.seq + 1;
    if (seq + 1 < first) return null;
    return this.buffer.filter((b) => b.seq > seq).map((b) => b.text);
  }
}
