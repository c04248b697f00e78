export { startWorker, type WorkerServiceConfig } from './start-worker.js';
