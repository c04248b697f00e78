export { startApi, type ApiServiceConfig } from './start-api.js';
