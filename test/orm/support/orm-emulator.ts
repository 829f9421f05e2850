import type { RunningEmulator, EmulatorOptions } from '../../../src/emulator';
import { startEmulator } from '../../../src/emulator';
import { ZCRMRestClient } from '../../../src/api/rest-client';
import { ALL_SCOPES } from '../../support/emulator';
import { admin, emulatorConfig, PATRICIA, requestLog } from '../../support/sdk';

/** An emulator and a client on it, for the ORM tests. */
export interface OrmFixture {
  emulator: RunningEmulator;
  client: ZCRMRestClient;
  /** CRM calls the emulator logged since the last `clearLog()` (path under `/crm/v2/`, method). */
  crmCalls(): Promise<Array<{ method: string; path: string }>>;
  clearLog(): Promise<void>;
  stop(): Promise<void>;
}

/** A client with its own memory token store, authorised through a grant-code exchange. */
export async function ormClient(
  emulator: RunningEmulator,
  options: { initialize?: boolean; email?: string } = {},
): Promise<ZCRMRestClient> {
  const email = options.email ?? PATRICIA;
  const config = emulatorConfig(emulator, { currentUserEmail: email, retry: false });
  const client = options.initialize ? ZCRMRestClient.initialize(config) : new ZCRMRestClient(config);
  await client.oauthClient.generateAccessToken(await emulator.issueGrantToken({ scope: ALL_SCOPES, email }));
  return client;
}

/**
 * Starts an emulator (no demo data unless asked) with generous credits, and the process-wide client on it
 * (`initialize`), so the models' static methods work.
 */
export async function startOrmEmulator(options: EmulatorOptions = {}): Promise<OrmFixture> {
  const emulator = await startEmulator({ demoData: false, ...options });
  await admin(emulator, 'PUT', 'limits', { creditsPerDay: 10_000_000, concurrency: 50, resetCredits: true });
  const client = await ormClient(emulator, { initialize: true });
  return {
    emulator,
    client,
    async crmCalls() {
      const entries = await requestLog(emulator, '/crm/v2/*');
      return entries.map((e: { method: string; path: string }) => ({
        method: e.method,
        path: e.path.replace(/^\/crm\/v2\//, ''),
      }));
    },
    async clearLog() {
      await admin(emulator, 'DELETE', 'requests');
    },
    async stop() {
      await client.close();
      await emulator.stop();
    },
  };
}
