/**
 * Faults during writes at full size: 10,000 Leads through `saveMany` and through `zcrm import`, then the same
 * file as an upsert, while one write call in ten is faulted (429, 500, 503, an HTML 503 page, a dropped
 * connection, 1.5 s latency, an answer dropped after the commit). Each run is reconciled against the emulator's
 * own store and prints lost / duplicated / disagreeing (all must be 0), the outcome counts and the time, beside
 * the same run without faults (the ratio is what the faults cost). Exit code 1 when a figure is not 0.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CrmModule, Field } from '../decorators';
import { startEmulator, RunningEmulator } from '../src/emulator';
import { ZCRMRestClient } from '../src/api/rest-client';
import { CrmRecord, Repository } from '../src/orm';
import { OutcomeUnknownException } from '../src/errors';
import { runImport } from '../src/cli/run-import';
import { csvLine } from '../src/cli/csv';
import { emulatorAdmin } from './support/emulator-admin';
import {
  faultMix,
  Outcome,
  reconcile,
  Reconciliation,
  RELIABLE_RETRY,
  StoredRow,
  WrittenRow,
} from '../test/reliability/support/write-reconcile';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
const EMAIL = 'patricia.boyle@zylker.com';

@CrmModule('Leads')
class Lead extends CrmRecord {
  @Field('Last_Name') lastName!: string;
  @Field('Company') company?: string;
  @Field('Email', { type: 'email', unique: true }) email?: string;
}

const admin = (emulator: RunningEmulator, method: string, route: string, body?: unknown) =>
  emulatorAdmin(emulator.url, method, route, body);

const rows = (prefix: string): WrittenRow[] =>
  Array.from({ length: RECORDS }, (_, i) => ({
    lastName: `${prefix} ${i}`,
    company: `Company ${i % 7}`,
    email: `${prefix.toLowerCase()}.${i}@example.com`,
  }));

function importOutcomes(results: string): Outcome[] {
  return readFileSync(results, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { status: string; id: string })
    .map((l) =>
      l.status === 'inserted' || l.status === 'updated'
        ? { kind: 'ok', id: l.id }
        : { kind: l.status === 'unknown' ? 'unknown' : 'failed' },
    );
}

/** One run on a fresh emulator: saveMany, import, upsert import; with or without the fault mix. */
async function run(faulted: boolean, dir: string): Promise<Array<[string, Reconciliation, number, string]>> {
  const emulator = await startEmulator({ demoData: false });
  const client = new ZCRMRestClient({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    apiBaseUrl: emulator.url,
    accountsUrl: emulator.url,
    currentUserEmail: EMAIL,
    tokenStore: 'memory',
    retry: RELIABLE_RETRY,
  });
  try {
    await admin(emulator, 'PUT', 'limits', {
      creditsPerDay: 100_000_000,
      concurrency: 100,
      resetCredits: true,
    });
    await client.oauthClient.generateAccessToken(
      await emulator.issueGrantToken({
        scope: 'ZohoCRM.modules.ALL,ZohoCRM.settings.ALL,AaaServer.profile.READ',
        email: EMAIL,
      }),
    );
    const fault = async () => {
      await admin(emulator, 'DELETE', 'faults');
      if (faulted) await admin(emulator, 'POST', 'faults', { rules: faultMix('/crm/v2/Leads*') });
    };
    const stored = async (): Promise<StoredRow[]> =>
      ((await admin(emulator, 'GET', 'records/Leads')) as { records: StoredRow[] }).records;
    const out: Array<[string, Reconciliation, number, string]> = [];

    await fault();
    const saved = rows('Saved');
    let started = performance.now();
    const results = await new Repository(Lead, client).saveMany(
      saved.map((r) => Object.assign(new Lead(), r)),
    );
    const saveMs = performance.now() - started;
    const outcomes: Outcome[] = results.map((r) =>
      r.ok
        ? { kind: 'ok', id: r.id }
        : { kind: r.error instanceof OutcomeUnknownException ? 'unknown' : 'failed' },
    );
    out.push(['saveMany', reconcile(saved, outcomes, await stored()), saveMs, '']);

    const imported = rows('Imported');
    const file = path.join(dir, `leads-${faulted ? 'faulted' : 'clean'}.csv`);
    writeFileSync(
      file,
      [
        csvLine(['Last_Name', 'Company', 'Email']),
        ...imported.map((r) => csvLine([r.lastName, r.company, r.email!])),
      ].join('\n') + '\n',
    );
    for (const upsert of [undefined, ['Email']]) {
      await fault();
      const before = (await stored()).length;
      const resultsFile = `${file}.${upsert ? 'upsert' : 'insert'}.jsonl`;
      started = performance.now();
      await runImport(client, { module: 'Leads', file, format: 'csv', results: resultsFile, upsert });
      const ms = performance.now() - started;
      const after = await stored();
      out.push([
        upsert ? 'import --upsert Email' : 'import',
        reconcile(imported, importOutcomes(resultsFile), after),
        ms,
        `new records ${after.length - before}`,
      ]);
    }
    return out;
  } finally {
    await client.close();
    await emulator.stop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zcrm-bench-write-faults-'));
  let bad = 0;
  try {
    const clean = await run(false, dir);
    const faulted = await run(true, dir);
    console.log(`write faults, ${RECORDS} records, one write call in ten faulted (7 kinds)`);
    faulted.forEach(([name, f, ms, extra], i) => {
      const baseline = clean[i][2];
      console.log(
        `${name.padEnd(22)} lost ${f.lost} duplicated ${f.duplicated} disagreeing ${f.disagreeing} | ` +
          `ok ${f.ok} failed ${f.failed} unknown ${f.unknown} (listed: ${f.unknown - f.unknownUnlisted}) | ` +
          `${(ms / 1000).toFixed(1)} s vs ${(baseline / 1000).toFixed(1)} s unfaulted (×${(ms / baseline).toFixed(2)})` +
          (extra ? ` | ${extra}` : ''),
      );
      bad += f.lost + f.duplicated + f.disagreeing + f.unknownUnlisted;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (bad > 0) {
    console.error(`${bad} record(s) lost, duplicated or disagreeing`);
    process.exitCode = 1;
  }
}

void main();
