/** Moved to shared/adapters/local/services (npm start uses it too; production code never imports test/). */
export { freePort } from '../../shared/adapters/local/services/free-port';
