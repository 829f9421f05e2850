/**
 * `Lead.iterate()` over 100,000 emulator records (COQL windows past 2,000 and past COQL's 10,000-offset wall,
 * paging by id) in constant memory: peak RSS of a reader process under 150 MB, and within 1.2× of the peak
 * of the same reader over 10,000 records. The emulator runs in its own process (its memory is not counted);
 * each reader runs in a fresh process and checks it saw every record exactly once (ids strictly increasing,
 * count equal to the total).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ZCRMRestClient } from '../src/api/rest-client';
import { Like } from '../src/query';
import { Lead } from './support/bench-models';
import { startEmulatorProcess } from './support/emulator-process';
import { BENCH_EMAIL, BENCH_SCOPES } from './support/orm-session';
import { runBench, runReader, transpileForReaders } from './support/bench-entry';
// `./support/transpile` loads the TypeScript compiler: required in the parent only, never in a reader.

const TOTAL = Number(process.env.BENCH_RECORDS ?? 100_000);
const SMALL = Math.round(TOTAL / 10);

interface ReaderReport {
  records: number;
  peakRssMb: number;
  seconds: number;
}

/** The reader: iterates `limit` records (all matching when 0) and reports its peak RSS. */
async function reader(): Promise<void> {
  const [url, clientId, clientSecret, limitText] = process.argv.slice(3);
  const limit = Number(limitText);
  const client = ZCRMRestClient.initialize({
    clientId,
    clientSecret,
    apiBaseUrl: url,
    accountsUrl: url,
    currentUserEmail: BENCH_EMAIL,
    tokenStore: 'memory',
  });
  const res = await fetch(`${url}/__emulator/grant-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scope: BENCH_SCOPES, email: BENCH_EMAIL }),
  });
  await client.oauthClient.generateAccessToken(((await res.json()) as { code: string }).code);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  let count = 0;
  let last = -1n;
  // A filter every record matches: the query runs as COQL, so the reader pages by id past 10,000.
  for await (const lead of Lead.iterate({
    where: { lastName: Like('Lead%') },
    ...(limit > 0 ? { take: limit } : {}),
  })) {
    const id = BigInt(lead.id!);
    if (id <= last) throw new Error(`record ${lead.id} came out of order or twice`);
    last = id;
    count++;
  }
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  const report: ReaderReport = {
    records: count,
    peakRssMb: peak / 2 ** 20,
    seconds: (performance.now() - started) / 1000,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  await client.close();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zcrm-bench-'));
  const seed = path.join(dir, 'seed.json');
  writeFileSync(
    seed,
    JSON.stringify({
      records: {
        Leads: Array.from({ length: TOTAL }, (_, i) => ({
          Last_Name: `Lead ${i}`,
          Company: `Company ${i % 97}`,
          Description: `Seeded lead number ${i}`,
        })),
      },
    }),
  );
  const emulator = await startEmulatorProcess(['--edition', 'ultimate', '--seed', seed]);
  try {
    await emulator.setLimits({ creditsPerDay: 100_000_000, resetCredits: true });
    const args = [emulator.url, emulator.clientId, emulator.clientSecret];
    const buildDir = path.join(dir, 'build');
    transpileForReaders(buildDir);
    const small = await runReader<ReaderReport>(buildDir, 'orm-iterate-memory', [...args, String(SMALL)]);
    const large = await runReader<ReaderReport>(buildDir, 'orm-iterate-memory', [...args, '0']);
    if (small.records !== SMALL || large.records !== TOTAL) {
      throw new Error(`read ${small.records} of ${SMALL} and ${large.records} of ${TOTAL} records`);
    }
    console.log(`Lead.iterate over the emulator's records (COQL, paging by id past 10,000)`);
    console.log(
      `  ${SMALL} records: peak RSS ${small.peakRssMb.toFixed(1)} MB (${small.seconds.toFixed(1)} s)`,
    );
    console.log(
      `  ${TOTAL} records: peak RSS ${large.peakRssMb.toFixed(1)} MB (${large.seconds.toFixed(1)} s), every record once`,
    );
    console.log(
      `  peak RSS ratio ${TOTAL} / ${SMALL}: ${(large.peakRssMb / small.peakRssMb).toFixed(2)}x (target <= 1.2x; and < 150 MB)`,
    );
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main, reader);
