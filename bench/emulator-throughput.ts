/**
 * Emulator throughput: keep-alive `GET /crm/v2/Leads/{id}` of one record, measured with autocannon from a
 * separate process, against the 3,000 requests/second target.
 * Environment: BENCH_DURATION (seconds, default 10), BENCH_CONNECTIONS (default 10).
 */
import autocannon from 'autocannon';
import { startEmulatorProcess } from './support/emulator-process';

const TARGET_RPS = 3_000;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function main(): Promise<void> {
  const emulator = await startEmulatorProcess();
  try {
    const token = await emulator.accessToken('ZohoCRM.modules.ALL');
    // The daily API credits would run out within seconds at these rates; this measures speed, not quota.
    await emulator.setLimits({ creditsPerDay: 1_000_000_000, resetCredits: true });
    const headers = { Authorization: `Zoho-oauthtoken ${token}` };
    const list = await fetch(`${emulator.url}/crm/v2/Leads?per_page=1`, { headers });
    const id = ((await list.json()) as { data: Array<{ id: string }> }).data[0].id;
    const url = `${emulator.url}/crm/v2/Leads/${id}`;

    await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 }); // warm-up: JIT, caches
    const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION });

    const rps = result.requests.average;
    console.log(
      `emulator single-record GET: ${Math.round(rps)} req/s (${(rps / TARGET_RPS).toFixed(2)}x the ${TARGET_RPS} req/s target)`,
    );
    console.log(
      `  ${CONNECTIONS} keep-alive connections, ${DURATION} s, ${result.requests.total} requests, latency p50 ${result.latency.p50} ms / p99 ${result.latency.p99} ms`,
    );
    const failed = result.non2xx + result.errors + result.timeouts;
    if (failed > 0) {
      console.error(
        `  ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts: the figure above is not valid`,
      );
      process.exitCode = 1;
    }
  } finally {
    await emulator.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
