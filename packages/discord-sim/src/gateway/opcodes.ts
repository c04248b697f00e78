/** Gateway opcodes (Discord's numbers). */
export const GatewayOp = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** Gateway close codes the simulator sends, with Discord's reasons. */
export const GatewayClose = {
  UnknownError: { code: 4000, reason: 'Unknown error.' },
  UnknownOpcode: { code: 4001, reason: 'Unknown opcode.' },
  DecodeError: { code: 4002, reason: 'Error while decoding payload.' },
  NotAuthenticated: { code: 4003, reason: 'Not authenticated.' },
  AuthenticationFailed: { code: 4004, reason: 'Authentication failed.' },
  AlreadyAuthenticated: { code: 4005, reason: 'Already authenticated.' },
  RateLimited: { code: 4008, reason: 'Rate limited.' },
  SessionTimedOut: { code: 4009, reason: 'Session timed out.' },
  InvalidShard: { code: 4010, reason: 'Invalid shard.' },
  ShardingRequired: { code: 4011, reason: 'Sharding required.' },
  InvalidApiVersion: { code: 4012, reason: 'Invalid API version.' },
  InvalidIntents: { code: 4013, reason: 'Invalid intent(s).' },
  DisallowedIntents: { code: 4014, reason: 'Disallowed intent(s).' },
} as const;

export type GatewayCloseReason = (typeof GatewayClose)[keyof typeof GatewayClose];
