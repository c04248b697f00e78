import { startSimulator, type Simulator, type StartSimulatorOptions } from '../../src/index.js';

/**
 * A simulator for tests: on random ports, with the run's certificate authority (made by the Vitest global
 * setup and already trusted through NODE_EXTRA_CA_CERTS) so `@discordjs/voice` verifies its TLS.
 */
export function startTestSimulator(options: StartSimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ caDir: process.env.DISCORD_SIM_CA_DIR, ...options });
}
