export { startGateway, type GatewayServiceConfig } from './start-gateway.js';
