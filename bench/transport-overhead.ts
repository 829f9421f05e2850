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
  // Warm up both (JIT, sockets), then alternate call by call so drift in machine load hits both alike;
  // medians of per-call times keep a stray GC pause or scheduler hiccup from deciding the ratio.
  for (const run of Object.values(runs)) for (let i = 0; i < 200; i++) await run();
  const samples: Record<string, number[]> = { 'raw axios': [], 'zcrm pipeline': [] };
  for (let i = 0; i < CALLS; i++) {
    for (const [name, run] of Object.entries(runs)) {
      const started = performance.now();
      await run();
      samples[name].push(performance.now() - started);
    }
  }
  const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const raw50 = median(samples['raw axios']);
  const sdk50 = median(samples['zcrm pipeline']);
  console.log(`transport-overhead: ${CALLS} sequential GET /crm/v2/Leads per side, calls alternated`);
  console.log(
    `  raw axios      median ${(raw50 * 1000).toFixed(0)} µs/call, mean ${(mean(samples['raw axios']) * 1000).toFixed(0)} µs`,
  );
  console.log(
    `  zcrm pipeline  median ${(sdk50 * 1000).toFixed(0)} µs/call, mean ${(mean(samples['zcrm pipeline']) * 1000).toFixed(0)} µs`,
  );
  console.log(
    `  ratio          ${(sdk50 / raw50).toFixed(3)}x median, ${(mean(samples['zcrm pipeline']) / mean(samples['raw axios'])).toFixed(3)}x mean (target <= 1.15x)`,
  );
  await client.close();
  await emulator.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
