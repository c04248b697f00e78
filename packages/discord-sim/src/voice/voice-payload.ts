/** Typed readers for the client's voice gateway payloads; each returns `null` when a field is missing or mistyped. */

type Fields = Readonly<Record<string, unknown>>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSnowflakeLike = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A decoded client message. */
export interface VoicePayload {
  readonly op: number;
  readonly d: unknown;
}

/** Parses a text frame; `null` when it is not JSON of the shape `{op: integer, d?: any}`. */
export function parseVoicePayload(text: string): VoicePayload | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isFields(value) || typeof value.op !== 'number' || !Number.isInteger(value.op)) return null;
  return { op: value.op, d: value.d };
}

export interface IdentifyData {
  readonly serverId: string;
  readonly userId: string;
  readonly sessionId: string;
  readonly token: string;
}

export function readIdentify(d: unknown): IdentifyData | null {
  if (!isFields(d)) return null;
  const { server_id: serverId, user_id: userId, session_id: sessionId, token } = d;
  if (!isSnowflakeLike(serverId) || !isSnowflakeLike(userId)) return null;
  if (typeof sessionId !== 'string' || typeof token !== 'string') return null;
  return { serverId, userId, sessionId, token };
}

export interface ResumeData {
  readonly serverId: string;
  readonly sessionId: string;
  readonly token: string;
  /** Last `seq` the client saw; absent from clients older than v8. */
  readonly seqAck: number | null;
}

export function readResume(d: unknown): ResumeData | null {
  if (!isFields(d)) return null;
  const { server_id: serverId, session_id: sessionId, token, seq_ack: seqAck } = d;
  if (!isSnowflakeLike(serverId) || typeof sessionId !== 'string' || typeof token !== 'string') return null;
  return { serverId, sessionId, token, seqAck: typeof seqAck === 'number' ? seqAck : null };
}

export interface SelectProtocolData {
  readonly protocol: string;
  readonly address: string;
  readonly port: number;
  readonly mode: string;
}

export function readSelectProtocol(d: unknown): SelectProtocolData | null {
  if (!isFields(d) || typeof d.protocol !== 'string' || !isFields(d.data)) return null;
  const { address, port, mode } = d.data;
  if (typeof address !== 'string' || typeof port !== 'number' || typeof mode !== 'string') return null;
  return { protocol: d.protocol, address, port, mode };
}

export interface HeartbeatData {
  /** The nonce to echo in the acknowledgement. */
  readonly nonce: unknown;
  readonly seqAck: number | null;
}

/** v8 sends `{t, seq_ack}`; older versions send the bare nonce. */
export function readHeartbeat(d: unknown): HeartbeatData {
  if (!isFields(d)) return { nonce: d, seqAck: null };
  return { nonce: d.t, seqAck: typeof d.seq_ack === 'number' ? d.seq_ack : null };
}

/** The SPEAKING bit field (1 microphone, 2 soundshare, 4 priority); `null` when absent. */
export function readSpeaking(d: unknown): number | null {
  if (!isFields(d) || typeof d.speaking !== 'number' || !Number.isInteger(d.speaking)) return null;
  return d.speaking;
}
