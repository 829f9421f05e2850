/**
 * Faults during writes: 2,000 records through `saveMany` and through `zcrm import` while ~10% of the write calls
 * fail (Zoho's 429, 500, 503, an HTML 503 page, a dropped connection, 1.5 s latency, an answer dropped after the
 * commit), then reconciled against the emulator's own store, not the client's results: no record lost, none
 * stored twice, no result that disagrees with the server. bench/write-faults.ts runs the same with 10,000.
 */
import 'reflect-metadata';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CrmModule, Field } from '../../decorators';
import { startEmulator, RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { CrmRecord, Repository } from '../../src/orm';
import { OutcomeUnknownException } from '../../src/errors';
import { runImport } from '../../src/cli/run-import';
import { csvLine } from '../../src/cli/csv';
import { addFault, admin, authorisedClient, PATRICIA } from '../support/sdk';
import {
  faultMix,
  FAULT_PERIOD,
  reconcile,
  Outcome,
  RELIABLE_RETRY,
  StoredRow,
  WrittenRow,
} from './support/write-reconcile';

jest.setTimeout(120_000);

const RECORDS = 2_000;

@CrmModule('Leads')
class Lead extends CrmRecord {
  @Field('Last_Name') lastName!: string;
  @Field('Company') company?: string;
  @Field('Email', { type: 'email', unique: true }) email?: string;
}

let emulator: RunningEmulator;
let client: ZCRMRestClient;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator({ demoData: false });
  await admin(emulator, 'PUT', 'limits', { creditsPerDay: 10_000_000, concurrency: 50, resetCredits: true });
  client = await authorisedClient(emulator, PATRICIA, { retry: RELIABLE_RETRY });
  dir = mkdtempSync(path.join(tmpdir(), 'zcrm-write-faults-'));
});
afterAll(async () => {
  await client.close();
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => admin(emulator, 'DELETE', 'faults'));

const rows = (prefix: string, n: number): WrittenRow[] =>
  Array.from({ length: n }, (_, i) => ({
    lastName: `${prefix} ${i}`,
    company: `Company ${i % 7}`,
    email: `${prefix.toLowerCase()}.${i}@example.com`,
  }));
const stored = async (): Promise<StoredRow[]> => (await admin(emulator, 'GET', 'records/Leads')).records;
const faultedCalls = async () =>
  (await admin(emulator, 'GET', 'requests?path=/crm/v2/Leads*')).requests.filter(
    (r: { method: string; status?: number }) =>
      r.method === 'POST' && (r.status === undefined || r.status >= 429),
  ).length;

test(`${RECORDS} records through saveMany with ~10% of write calls faulted: 0 lost, 0 duplicated, 0 disagreeing`, async () => {
  await admin(emulator, 'DELETE', 'requests');
  await addFault(emulator, { rules: faultMix('/crm/v2/Leads*') });
  const input = rows('Saved', RECORDS);
  const records = input.map((row) => Object.assign(new Lead(), row));
  const started = Date.now();
  // 25 records per call: 80 insert calls, so every kind of fault meets several calls.
  const results = await new Repository(Lead, client).saveMany(records, { chunkSize: 25 });
  const outcomes: Outcome[] = results.map((r) =>
    r.ok
      ? { kind: 'ok', id: r.id }
      : { kind: r.error instanceof OutcomeUnknownException ? 'unknown' : 'failed' },
  );
  const figures = reconcile(input, outcomes, await stored());
  console.log(
    `saveMany ${RECORDS}: ${JSON.stringify(figures)}, faulted calls ${await faultedCalls()}, ${Date.now() - started} ms`,
  );
  expect(figures).toMatchObject({ lost: 0, duplicated: 0, disagreeing: 0, unknownUnlisted: 0 });
  // Every record has a unique Email, so every lost answer was resolved by an upsert.
  expect(figures).toMatchObject({ ok: RECORDS, unknown: 0, failed: 0 });
  expect(await faultedCalls()).toBeGreaterThanOrEqual((80 / FAULT_PERIOD) * 7 - 1);
});

describe('zcrm import', () => {
  const input = rows('Imported', RECORDS);
  let file: string;
  beforeAll(() => {
    file = path.join(dir, 'leads.csv');
    const lines = [csvLine(['Last_Name', 'Company', 'Email'])];
    for (const row of input) lines.push(csvLine([row.lastName, row.company, row.email!]));
    writeFileSync(file, lines.join('\n') + '\n');
  });
  const outcomesOf = (results: string): Outcome[] =>
    readFileSync(results, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .map((l) =>
        l.status === 'inserted' || l.status === 'updated'
          ? { kind: 'ok', id: l.id }
          : { kind: l.status === 'unknown' ? 'unknown' : 'failed' },
      );

  test(`${RECORDS} rows with ~10% of write calls faulted: 0 lost, 0 duplicated, 0 disagreeing`, async () => {
    await admin(emulator, 'DELETE', 'requests');
    await addFault(emulator, { rules: faultMix('/crm/v2/Leads*') });
    const results = path.join(dir, 'import.results.jsonl');
    const started = Date.now();
    const summary = await runImport(client, { module: 'Leads', file, format: 'csv', results });
    const outcomes = outcomesOf(results);
    const figures = reconcile(input, outcomes, await stored());
    console.log(
      `import ${RECORDS}: ${JSON.stringify(figures)}, faulted calls ${await faultedCalls()}, ${Date.now() - started} ms`,
    );
    expect(figures).toMatchObject({ lost: 0, duplicated: 0, disagreeing: 0, unknownUnlisted: 0 });
    // Leads' Email is unique in the org's field metadata, so the import resolves every lost answer.
    expect(summary).toMatchObject({ rows: RECORDS, failed: 0, unknown: 0 });
    expect(summary.inserted + summary.updated).toBe(RECORDS);
    expect(summary.unknownRowsFile).toBeUndefined();
    expect(existsSync(`${file}.unknown.csv`)).toBe(false);
  });

  test('the same file again as an upsert on Email, still faulted: 0 new records', async () => {
    await addFault(emulator, { rules: faultMix('/crm/v2/Leads*') });
    const before = (await stored()).length;
    const results = path.join(dir, 'upsert.results.jsonl');
    const summary = await runImport(client, {
      module: 'Leads',
      file,
      format: 'csv',
      results,
      upsert: ['Email'],
    });
    expect((await stored()).length).toBe(before);
    expect(summary).toMatchObject({ rows: RECORDS, inserted: 0, updated: RECORDS, failed: 0, unknown: 0 });
    expect(reconcile(input, outcomesOf(results), await stored())).toMatchObject({
      lost: 0,
      duplicated: 0,
      disagreeing: 0,
    });
  });

  test('rows without a unique value whose answer is lost are reported unknown and written to <file>.unknown.csv', async () => {
    const plain = rows('Unmatched', 300).map((r) => ({ ...r, email: undefined }));
    const plainFile = path.join(dir, 'plain.csv');
    const lines = [csvLine(['Last_Name', 'Company'])];
    for (const row of plain) lines.push(csvLine([row.lastName, row.company]));
    writeFileSync(plainFile, lines.join('\n') + '\n');
    // The first call's records are stored but its answer is lost; the second never arrives.
    await addFault(emulator, {
      rules: [
        { method: 'POST', path: '/crm/v2/Leads', every: 3, offset: 0, dropAnswerAfterCommit: true, times: 1 },
        { method: 'POST', path: '/crm/v2/Leads', every: 3, offset: 1, drop: true, times: 1 },
      ],
    });
    const results = path.join(dir, 'plain.results.jsonl');
    const summary = await runImport(client, {
      module: 'Leads',
      file: plainFile,
      format: 'csv',
      results,
      concurrency: 1,
    });
    expect(summary).toMatchObject({ rows: 300, inserted: 100, unknown: 200, failed: 0 });
    expect(summary.unknownRowsFile).toBe(`${plainFile}.unknown.csv`);
    const listed = readFileSync(summary.unknownRowsFile!, 'utf8').split('\n').filter(Boolean);
    expect(listed[0]).toBe('Last_Name,Company');
    const unknownNames = new Set(listed.slice(1).map((l) => l.split(',')[0]));
    const outcomes = outcomesOf(results).map((o, i) =>
      o.kind === 'unknown' ? { ...o, listed: unknownNames.has(plain[i].lastName) } : o,
    );
    const figures = reconcile(plain, outcomes, await stored(), 'lastName');
    expect(figures).toMatchObject({
      lost: 0,
      duplicated: 0,
      disagreeing: 0,
      unknownUnlisted: 0,
      unknown: 200,
    });
    // Of the unknown rows, the first call's 100 are in the org and the second's are not: both stay "unknown".
    expect(figures.unknownStored).toBe(100);
  });
});
