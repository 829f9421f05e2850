import { ZCRMRestClient } from '../../src/api/rest-client';
import { EmulatorProcess, startEmulatorProcess } from './emulator-process';
import { emulatorAdmin } from './emulator-admin';

/** Scopes covering every CRM route the ORM benchmarks call. */
export const BENCH_SCOPES =
  'ZohoCRM.modules.ALL,ZohoCRM.settings.ALL,ZohoCRM.users.ALL,ZohoCRM.org.ALL,ZohoCRM.coql.READ,ZohoSearch.securesearch.READ,AaaServer.profile.READ';
export const BENCH_EMAIL = 'patricia.boyle@zylker.com';

/** An emulator in its own process and the process-wide client on it (so `Model.find()` works). */
export interface OrmBenchSession {
  emulator: EmulatorProcess;
  client: ZCRMRestClient;
  /** An access token for raw calls made beside the SDK. */
  token: string;
  admin(method: string, route: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function openOrmBenchSession(emulatorArgs: string[] = []): Promise<OrmBenchSession> {
  const emulator = await startEmulatorProcess(['--edition', 'ultimate', ...emulatorArgs]);
  const admin = (method: string, route: string, body?: unknown) =>
    emulatorAdmin(emulator.url, method, route, body);
  await admin('PUT', 'limits', {
    creditsPerDay: 100_000_000,
    concurrency: 100,
    heavyConcurrency: 100,
    resetCredits: true,
  });
  const client = ZCRMRestClient.initialize({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    apiBaseUrl: emulator.url,
    accountsUrl: emulator.url,
    currentUserEmail: BENCH_EMAIL,
    tokenStore: 'memory',
  });
  const { code } = (await admin('POST', 'grant-tokens', { scope: BENCH_SCOPES, email: BENCH_EMAIL })) as {
    code: string;
  };
  await client.oauthClient.generateAccessToken(code);
  const token = await client.oauthClient.getAccessToken(BENCH_EMAIL);
  return {
    emulator,
    client,
    token,
    admin,
    async close() {
      await client.close();
      await emulator.stop();
    },
  };
}

/** The median of samples. */
export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
