/**
 * Refresh storm: 1,000 concurrent calls for one user whose access token has just expired. Counts the token
 * requests the emulator received (its request log); single-flight should make it exactly 1. The seed, which
 * refreshes on every call that sees an expired token, would make up to 1,000 (and Zoho allows 10 per 10 min).
 */
import { startEmulator } from '../src/emulator';
import { ZCRMRestClient } from '../src/api/rest-client';
import { MemoryTokenStore } from '../src/auth/stores/memory-token-store';
import { ALL_SCOPES } from '../test/support/emulator';

const CALLS = 1000;
const EMAIL = 'patricia.boyle@zylker.com';

async function main(): Promise<void> {
  const emulator = await startEmulator({ edition: 'ultimate' });
  const store = new MemoryTokenStore();
  const config = {
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    apiBaseUrl: emulator.url,
    accountsUrl: emulator.url,
    currentUserEmail: EMAIL,
    tokenStore: store,
  };
  const client = new ZCRMRestClient(config);
  await client.oauthClient.generateAccessToken(
    await emulator.issueGrantToken({ scope: ALL_SCOPES, email: EMAIL }),
  );
  const tokens = (await store.getOAuthTokens(EMAIL))!;

  // Expired on both sides: in the store (proactive path) and at the emulator (INVALID_TOKEN path); a new
  // client, as after a restart, so nothing is cached in the process.
  const fresh = new ZCRMRestClient(config);
  await store.saveOAuthTokens({ ...tokens, expiryTime: Date.now() - 1 });
  await fetch(`${emulator.url}/__emulator/tokens/expire`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: EMAIL }),
  });
  await fetch(`${emulator.url}/__emulator/requests`, { method: 'DELETE' });

  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: CALLS }, () => fresh.request({ path: 'Leads', params: { per_page: 1 } })),
  );
  const elapsed = performance.now() - started;
  const log = (await (await fetch(`${emulator.url}/__emulator/requests?path=/oauth/v2/token`)).json()) as {
    requests: Array<{ grantType?: string }>;
  };
  const refreshes = log.requests.filter((r) => r.grantType === 'refresh_token').length;
  const failed = results.filter((r) => r.status === 'rejected').length;
  console.log(`transport-refresh-storm: ${CALLS} concurrent calls at token expiry`);
  console.log(`  token requests   ${refreshes} (per ${CALLS} calls; target 1)`);
  console.log(`  failed calls     ${failed}`);
  console.log(`  wall time        ${elapsed.toFixed(0)} ms`);
  await fresh.close();
  await client.close();
  await emulator.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
