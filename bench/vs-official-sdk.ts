/**
 * zcrm against Zoho's official Node SDK (`@zohocrm/nodejs-sdk-2.0`), the same work side by side in one run on
 * one emulator (its own process) that adds 100 ms to every CRM call, as a real Zoho round trip does:
 *
 * 1. 10,000 Lead inserts: `Lead.saveMany` (100 per call, 10 calls in flight) against the SDK's
 *    `RecordOperations.createRecords` with 100 records per call, one call after another as its samples do.
 * 2. A 200-record read with parsing: `Lead.find({ take: 200 })` (hydrated models) against `getRecords` with
 *    `per_page=200` and `getData()` (the SDK's parsed `Record`s); median of the rounds.
 * 3. Reading all 5,000 Contacts into memory, 200 per call: `Contact.find()` against a `getRecords` page loop;
 *    each reader runs in a fresh process (plain transpiled JavaScript) that reports its peak RSS.
 *
 * Targets: inserts ≥ 5× faster, reads ≤ 1.0× the SDK's time, read-all peak RSS below the SDK's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ZCRMRestClient } from '../src/api/rest-client';
import { closeOfficialSdkLogs, initializeOfficialSdk, sdk, sdkApi } from '../test/support/official-sdk';
import { Contact, Lead } from './support/bench-models';
import { startEmulatorProcess } from './support/emulator-process';
import { BENCH_EMAIL, BENCH_SCOPES, median } from './support/orm-session';
import { runBench, runReader, transpileForReaders } from './support/bench-entry';
// `./support/transpile` loads the TypeScript compiler: required in the parent only, never in a reader.

const INSERTS = Number(process.env.BENCH_RECORDS ?? 10_000);
const READ_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const CONTACTS = 5_000;
const PAGE = 200;
const DELAY_MS = 100;

/** Emulator coordinates handed to the reader processes. */
interface Target {
  url: string;
  clientId: string;
  clientSecret: string;
}

interface ReaderReport {
  records: number;
  /** RSS once the library is loaded and authorised, before the read. */
  startRssMb: number;
  peakRssMb: number;
  seconds: number;
}

async function grantCode(url: string): Promise<string> {
  const res = await fetch(`${url}/__emulator/grant-tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scope: BENCH_SCOPES, email: BENCH_EMAIL }),
  });
  return ((await res.json()) as { code: string }).code;
}

/** zcrm's process-wide client on the emulator, authorised through a grant-code exchange. */
async function zcrmClient(target: Target): Promise<ZCRMRestClient> {
  const client = ZCRMRestClient.initialize({
    clientId: target.clientId,
    clientSecret: target.clientSecret,
    apiBaseUrl: target.url,
    accountsUrl: target.url,
    currentUserEmail: BENCH_EMAIL,
    tokenStore: 'memory',
  });
  await client.oauthClient.generateAccessToken(await grantCode(target.url));
  return client;
}

/** The official SDK initialised on the emulator (its files under `dir`). */
async function officialSdk(target: Target, dir: string): Promise<void> {
  await initializeOfficialSdk({
    emulator: target,
    email: BENCH_EMAIL,
    grantToken: await grantCode(target.url),
    dir,
  });
}

const { RecordOperations, GetRecordsParam } = sdkApi('record/record_operations');
const { ResponseWrapper } = sdkApi('record/response_wrapper');
const { ParameterMap } = sdk('routes/parameter_map');

/** One page of records through the SDK, parsed into its `Record`s (an empty list past the last page). */
async function sdkPage(module: string, page: number): Promise<{ data: any[]; more: boolean }> {
  const params = new ParameterMap();
  await params.add(GetRecordsParam.PAGE, page);
  await params.add(GetRecordsParam.PER_PAGE, PAGE);
  const response = await new RecordOperations().getRecords(module, params);
  if (response.getStatusCode() === 204) return { data: [], more: false };
  const wrapper = response.getObject();
  if (!(wrapper instanceof ResponseWrapper)) throw new Error(`SDK read failed: ${response.getStatusCode()}`);
  return { data: wrapper.getData(), more: wrapper.getInfo().getMoreRecords() === true };
}

/** Inserts `count` Leads through the SDK, 100 per call, one call after another. */
async function sdkInserts(count: number): Promise<void> {
  const { BodyWrapper } = sdkApi('record/body_wrapper');
  const { Record } = sdkApi('record/record');
  const { ActionWrapper } = sdkApi('record/action_wrapper');
  const { SuccessResponse } = sdkApi('record/success_response');
  const operations = new RecordOperations();
  for (let offset = 0; offset < count; offset += 100) {
    const body = new BodyWrapper();
    body.setData(
      Array.from({ length: Math.min(100, count - offset) }, (_, i) => {
        const record = new Record();
        record.addKeyValue('Last_Name', `SDK ${offset + i}`);
        record.addKeyValue('Company', 'Zylker');
        record.addKeyValue('Description', `Lead ${offset + i} of the bench`);
        return record;
      }),
    );
    const response = await operations.createRecords('Leads', body);
    const wrapper = response.getObject();
    if (
      !(wrapper instanceof ActionWrapper) ||
      wrapper.getData().some((r: unknown) => !(r instanceof SuccessResponse))
    )
      throw new Error(`SDK insert failed at ${offset}`);
  }
}

async function zcrmInserts(count: number): Promise<void> {
  const records = Array.from({ length: count }, (_, i) =>
    Lead.create({ lastName: `zcrm ${i}`, company: 'Zylker', description: `Lead ${i} of the bench` }),
  );
  const results = await Lead.saveMany(records);
  const failed = results.filter((r) => !r.ok).length;
  if (failed > 0) throw new Error(`${failed} zcrm inserts failed`);
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** The reader process: reads every Contact into memory with one library and reports its peak RSS. */
async function reader(): Promise<void> {
  const [library, url, clientId, clientSecret, dir] = process.argv.slice(3);
  const target = { url, clientId, clientSecret };
  const client = library === 'zcrm' ? await zcrmClient(target) : undefined;
  if (library === 'sdk') await officialSdk(target, dir);
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  let records: unknown[];
  if (client) records = await Contact.find();
  else {
    records = [];
    for (let page = 1; ; page++) {
      const { data, more } = await sdkPage('Contacts', page);
      records.push(...data);
      if (!more) break;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  const report: ReaderReport = {
    records: records.length,
    startRssMb: startRss / 2 ** 20,
    peakRssMb: peak / 2 ** 20,
    seconds,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  await client?.close();
  closeOfficialSdkLogs();
}

function row(cells: string[]): string {
  const widths = [34, 12, 12, 16, 10];
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zcrm-bench-sdk-'));
  const seed = path.join(dir, 'seed.json');
  writeFileSync(
    seed,
    JSON.stringify({
      records: {
        Contacts: Array.from({ length: CONTACTS }, (_, i) => ({
          First_Name: `First ${i}`,
          Last_Name: `Contact ${i}`,
          // Not `Email`: the emulator checks that unique field against every stored Contact, slowing the seeding.
          Secondary_Email: `contact.${i}@example.com`,
          Phone: `+1 555 01${String(i).padStart(4, '0')}`,
          Mailing_City: `City ${i % 53}`,
          Description: `Seeded contact number ${i} of the official SDK bench`,
        })),
      },
    }),
  );
  const emulator = await startEmulatorProcess(['--edition', 'ultimate', '--seed', seed]);
  const client = await zcrmClient(emulator);
  try {
    await emulator.setLimits({
      creditsPerDay: 100_000_000,
      concurrency: 100,
      heavyConcurrency: 100,
      resetCredits: true,
    });
    await officialSdk(emulator, path.join(dir, 'sdk'));
    const admin = (body: unknown) =>
      fetch(`${emulator.url}/__emulator/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    // Warm-up without latency: each library's first calls (the SDK fetches and caches the module's fields).
    await sdkInserts(100);
    await zcrmInserts(100);
    await sdkPage('Leads', 1);
    await Lead.find({ take: PAGE });
    await admin({ path: '/crm/v2/*', delayMs: DELAY_MS });

    const sdkInsertMs = await timed(() => sdkInserts(INSERTS));
    const zcrmInsertMs = await timed(() => zcrmInserts(INSERTS));

    const sdkReads: number[] = [];
    const zcrmReads: number[] = [];
    for (let i = 0; i < READ_ROUNDS; i++) {
      sdkReads.push(
        await timed(async () => {
          if ((await sdkPage('Leads', 1)).data.length !== PAGE) throw new Error('short SDK page');
        }),
      );
      zcrmReads.push(
        await timed(async () => {
          if ((await Lead.find({ take: PAGE })).length !== PAGE) throw new Error('short zcrm page');
        }),
      );
    }

    const buildDir = path.join(dir, 'build');
    transpileForReaders(buildDir);
    const args = [emulator.url, emulator.clientId, emulator.clientSecret];
    const sdkAll = await runReader<ReaderReport>(buildDir, 'vs-official-sdk', [
      'sdk',
      ...args,
      path.join(dir, 'sdk-reader'),
    ]);
    const zcrmAll = await runReader<ReaderReport>(buildDir, 'vs-official-sdk', ['zcrm', ...args, dir]);
    // The emulator's demo data adds a few Contacts to the seeded ones.
    if (sdkAll.records !== zcrmAll.records || zcrmAll.records < CONTACTS)
      throw new Error(`read ${sdkAll.records} (SDK) and ${zcrmAll.records} (zcrm) contacts`);

    const sdkReadMs = median(sdkReads);
    const zcrmReadMs = median(zcrmReads);
    console.log(`zcrm vs @zohocrm/nodejs-sdk-2.0, ${DELAY_MS} ms added to every CRM call`);
    console.log(row(['', 'SDK', 'zcrm', 'zcrm / SDK', 'target']));
    console.log(
      row([
        `${INSERTS} Lead inserts (100 per call)`,
        `${(sdkInsertMs / 1000).toFixed(2)} s`,
        `${(zcrmInsertMs / 1000).toFixed(2)} s`,
        `${(sdkInsertMs / zcrmInsertMs).toFixed(2)}x faster`,
        '>= 5x',
      ]),
    );
    console.log(
      row([
        `${PAGE}-record read + parse (median)`,
        `${sdkReadMs.toFixed(1)} ms`,
        `${zcrmReadMs.toFixed(1)} ms`,
        `${(zcrmReadMs / sdkReadMs).toFixed(2)}x time`,
        '<= 1.0x',
      ]),
    );
    console.log(
      row([
        `${zcrmAll.records}-record read-all, peak RSS`,
        `${sdkAll.peakRssMb.toFixed(1)} MB`,
        `${zcrmAll.peakRssMb.toFixed(1)} MB`,
        `${(zcrmAll.peakRssMb / sdkAll.peakRssMb).toFixed(2)}x RSS`,
        '< 1.0x',
      ]),
    );
    console.log(
      row([
        `  (RSS before the read)`,
        `${sdkAll.startRssMb.toFixed(1)} MB`,
        `${zcrmAll.startRssMb.toFixed(1)} MB`,
        '',
        '',
      ]),
    );
    console.log(
      row([
        `${zcrmAll.records}-record read-all, time`,
        `${sdkAll.seconds.toFixed(2)} s`,
        `${zcrmAll.seconds.toFixed(2)} s`,
        `${(zcrmAll.seconds / sdkAll.seconds).toFixed(2)}x time`,
        '',
      ]),
    );
  } finally {
    closeOfficialSdkLogs();
    await client.close();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main, reader);
