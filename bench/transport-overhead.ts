/**
 * Per-call overhead of the zcrm request pipeline (auth header, retry, refresh, throttle, headers, logging,
 * status mapping, rate-limit parsing) against raw axios with the same keep-alive agent, on the same emulator
 * route. Prints both per-call times and their ratio (target ≤ 1.15×).
 */
import http from 'node:http';
import axios from 'axios';
import { startEmulator } from '../src/emulator';
import { ZCRMRestClient } from '../src/api/rest-client';
import { ALL_SCOPES } from '../test/support/emulator';

const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const ROUNDS = 10;
const EMAIL = 'patricia.boyle@zylker.com';

async function main(): Promise<void> {
  const emulator = await startEmulator({ edition: 'ultimate' });
  await fetch(`${emulator.url}/__emulator/limits`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ creditsPerDay: 10_000_000 }),
  });
  const client = new ZCRMRestClient({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    apiBaseUrl: emulator.url,
    accountsUrl: emulator.url,
    currentUserEmail: EMAIL,
    tokenStore: 'memory',
  });
  await client.oauthClient.generateAccessToken(
    await emulator.issueGrantToken({ scope: ALL_SCOPES, email: EMAIL }),
  );
  const token = await client.oauthClient.getAccessToken(EMAIL);
  const raw = axios.create({
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    validateStatus: () => true,
  });
  const url = `${emulator.url}/crm/v2/Leads?per_page=1`;
  const headers = { Authorization: `Zoho-oauthtoken ${token}`, 'User-Agent': 'bench' };

  const runs = {
    'raw axios': async () => {
      const res = await raw.get(url, { headers });
      if (res.status !== 200) throw new Error(`raw axios got ${res.status}`);
    },
    'zcrm pipeline': async () => {
      await client.request({ path: 'Leads', params: { per_page: 1 } });
    },
  };
  // Warm up both (JIT, sockets), then alternate rounds so drift in machine load hits both alike.
  for (const run of Object.values(runs)) for (let i = 0; i < 200; i++) await run();
  const totals: Record<string, number[]> = { 'raw axios': [], 'zcrm pipeline': [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(runs)) {
      const started = performance.now();
      for (let i = 0; i < CALLS / ROUNDS; i++) await run();
      totals[name].push((performance.now() - started) / (CALLS / ROUNDS));
    }
  }
  const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const rawMs = median(totals['raw axios']);
  const sdkMs = median(totals['zcrm pipeline']);
  console.log(
    `transport-overhead: ${CALLS} sequential GET /crm/v2/Leads per side, median of ${ROUNDS} rounds`,
  );
  console.log(`  raw axios      ${(rawMs * 1000).toFixed(0)} µs/call`);
  console.log(`  zcrm pipeline  ${(sdkMs * 1000).toFixed(0)} µs/call`);
  console.log(`  ratio          ${(sdkMs / rawMs).toFixed(3)}x (target <= 1.15x)`);
  await client.close();
  await emulator.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
