export { startSimulator, DEFAULT_SIM_HOST, type StartSimulatorOptions } from './simulator.js';
export {
  DEFAULT_AUDIO_WINDOW_MS,
  DEFAULT_TONE_TOLERANCE,
  type Simulator,
  type WaitForAudioOptions,
} from './simulator-handle.js';
export { SimulatorCore } from './simulator-core.js';
export { seedDevelopmentGuild, type SeededGuild } from './seed.js';
export { DefaultSimulatorLimits, MessageLimits, API_VERSION, type SimulatorLimits } from './constants.js';
export type { FaultSpec, FaultKind } from './faults.js';
export type { SimStateView } from './state-view.js';
export type { ChannelMessageView } from './message-view.js';
export type { InteractionView, MessageView } from './interactions/interaction-record.js';
export type {
  CommandInvocation,
  ComponentClick,
  ModalSubmission,
} from './interactions/interaction-factory.js';
export type { CreatedGuild } from './model/guild-service.js';
export type { CreateUserInput } from './model/member-service.js';
export type { RequestRecord } from './rest/request-log.js';
export { PermissionBits, type PermissionName } from './model/permissions.js';
export { SimulatorRequestError, type SimFailure } from './model/sim-failure.js';
export { SimulatorWaitTimeoutError, DEFAULT_WAIT_TIMEOUT_MS, type WaitOptions } from './wait-for.js';
export { SnowflakeGenerator, shardOf, snowflakeTimestamp } from './model/snowflake.js';
export * from './voice/index.js';
export * from './tls/index.js';
