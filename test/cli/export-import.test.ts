/**
 * What `zcrm export` and `zcrm import` do, run in process against the emulator over HTTP (the commands' own
 * processes are tested in commands.test.ts): streaming every record past the 2,000 wall, filters, CSV and
 * JSON Lines, failures that leave no file, row-by-row results, upsert, dry runs, malformed rows.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { startEmulator, RunningEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import { runExport } from '../../src/cli/run-export';
import { runImport, ImportRequest } from '../../src/cli/run-import';
import { parseCsv } from '../../src/cli/csv';
import { CliUsageError } from '../../src/cli/cli-errors';
import type { ProgressStream } from '../../src/cli/progress';
import { RawClient, obtainTokens } from '../support/emulator';
import { addFault, authorisedClient, requestLog } from '../support/sdk';

jest.setTimeout(120_000);

const BULK = 2_150;

/** A stream that says it is a terminal and keeps what is written to it. */
function fakeTerminal(): ProgressStream & { text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  }) as unknown as ProgressStream & { text: () => string };
  stream.isTTY = true;
  stream.columns = 120;
  stream.text = () => text;
  return stream;
}

function lines(file: string): any[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

async function csvRows(file: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of parseCsv([readFileSync(file)])) {
    expect(row.error).toBeUndefined();
    rows.push(row.cells);
  }
  return rows;
}

describe('export and import', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;
  let raw: RawClient;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator({
      seed: {
        records: {
          Leads: Array.from({ length: BULK }, (_, i) => ({
            Last_Name: `Bulk ${String(i).padStart(4, '0')}`,
            Company: 'Bulk Co',
            No_of_Employees: i,
          })),
        },
      },
    });
    client = await authorisedClient(emulator);
    raw = new RawClient(emulator, (await obtainTokens(emulator)).access_token);
    dir = mkdtempSync(path.join(tmpdir(), 'zcrm-export-import-'));
  });
  afterAll(async () => {
    await client.close();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every Leads record the API lists (raw HTTP, page tokens past 2,000). */
  async function allLeadIds(): Promise<string[]> {
    const ids: string[] = [];
    let token: string | undefined;
    for (let page = 1; ; page++) {
      const query = token ? `page_token=${token}` : `page=${page}`;
      const res = await raw.get(`/crm/v2/Leads?per_page=200&fields=Last_Name&${query}`);
      ids.push(...res.json.data.map((r: any) => r.id));
      if (!res.json.info.more_records) return ids;
      token = res.json.info.next_page_token;
    }
  }

  describe('export', () => {
    it('streams every record, past 2,000, to JSON Lines with a bar showing count, rate and ETA on a terminal', async () => {
      const out = path.join(dir, 'all.jsonl');
      const terminal = fakeTerminal();
      const result = await runExport(client, {
        module: 'Leads',
        format: 'jsonl',
        out,
        progressStream: terminal,
      });
      const expected = await allLeadIds();
      expect(expected.length).toBeGreaterThan(BULK);
      expect(result.count).toBe(expected.length);
      const records = lines(out);
      expect(records.map((r) => r.id).sort()).toEqual([...expected].sort());
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
      const bulk = records.find((r) => r.Last_Name === 'Bulk 0042');
      expect(bulk).toMatchObject({ Company: 'Bulk Co', No_of_Employees: 42, Email: null });
      expect(bulk.Created_Time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      expect(bulk.Owner).toEqual(expect.objectContaining({ id: expect.stringMatching(/^\d+$/) }));
      expect(Object.keys(bulk)[0]).toBe('id');
      expect(existsSync(`${out}.partial`)).toBe(false);
      const bar = terminal.text();
      expect(bar).toContain('export Leads [');
      expect(bar).toContain(`${expected.length}/${expected.length}`);
      expect(bar).toMatch(/\d+ rec\/s \| ETA /);
    });

    it('filters with --where (AND, OR lists, operators) and writes CSV with the fields asked for', async () => {
      await raw.post('/crm/v2/Leads', {
        data: [
          {
            Last_Name: 'Quote "Test"',
            Company: 'Acme, Inc.',
            Description: 'two\nlines',
            Lead_Source: 'Web Download',
          },
        ],
      });
      const out = path.join(dir, 'acme.csv');
      const result = await runExport(client, {
        module: 'Leads',
        format: 'csv',
        out,
        fields: ['Last_Name', 'Company', 'Description', 'Owner'],
        where:
          '[{"Company": {"$like": "Acme%"}}, {"No_of_Employees": {"$between": [10, 12]}, "Company": "Bulk Co"}]',
      });
      expect(result.count).toBe(4);
      const rows = await csvRows(out);
      expect(rows[0]).toEqual(['id', 'Last_Name', 'Company', 'Description', 'Owner']);
      const byName = new Map(rows.slice(1).map((r) => [r[1], r]));
      expect([...byName.keys()].sort()).toEqual(['Bulk 0010', 'Bulk 0011', 'Bulk 0012', 'Quote "Test"']);
      expect(byName.get('Quote "Test"')!.slice(2, 4)).toEqual(['Acme, Inc.', 'two\nlines']);
      expect(byName.get('Bulk 0010')![4]).toMatch(/^\d+$/);
      expect(readFileSync(out, 'utf8')).toContain('"Quote ""Test""","Acme, Inc.","two\nlines"');

      const over = await runExport(client, {
        module: 'Leads',
        format: 'jsonl',
        out: path.join(dir, 'over.jsonl'),
        where: '{"No_of_Employees": {"$gte": 2100}, "Company": {"$in": ["Bulk Co"]}, "Email": null}',
      });
      expect(over.count).toBe(BULK - 2100);
    });

    it('reads a filtered result past 2,000 records (COQL paging)', async () => {
      const out = path.join(dir, 'bulk.csv');
      const result = await runExport(client, {
        module: 'Leads',
        format: 'csv',
        out,
        where: '{"Company": "Bulk Co"}',
      });
      expect(result.count).toBe(BULK);
      const rows = await csvRows(out);
      expect(rows).toHaveLength(BULK + 1);
      expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(BULK);
    });

    it('refuses unknown fields and bad filters before reading any record', async () => {
      const out = path.join(dir, 'never.jsonl');
      const attempt = (extra: object) =>
        runExport(client, { module: 'Leads', format: 'jsonl', out, ...extra });
      await expect(attempt({ module: 'leads' })).rejects.toThrow(
        new CliUsageError('module: no API-supported module "leads" (did you mean "Leads"?)'),
      );
      await expect(attempt({ fields: ['last_name'] })).rejects.toThrow(
        new CliUsageError('--fields: Leads has no field "last_name" (did you mean "Last_Name"?)'),
      );
      await expect(attempt({ where: '{"Nope": 1}' })).rejects.toThrow(
        new CliUsageError('--where: Leads has no field "Nope"'),
      );
      await expect(attempt({ where: '{"Tag": "x"}' })).rejects.toThrow(/Tag cannot be filtered on/);
      await expect(attempt({ where: '{"Company": {"$regex": "x"}}' })).rejects.toThrow(
        /unknown operator \$regex/,
      );
      await expect(attempt({ where: '{"Company": {"$in": []}}' })).rejects.toThrow(
        /\$in takes a non-empty list/,
      );
      await expect(attempt({ where: '{"Company": ' })).rejects.toThrow(/^--where is not valid JSON/);
      await expect(attempt({ where: '[]' })).rejects.toThrow(/an OR list needs at least one object/);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(`${out}.partial`)).toBe(false);
    });

    it('leaves no file behind when the API fails part-way', async () => {
      const out = path.join(dir, 'failed.jsonl');
      // The first page passes; every call after it fails (more times than the client retries).
      await addFault(emulator, { method: 'GET', path: '/crm/v2/Leads', times: 1, delayMs: 1 });
      await addFault(emulator, {
        method: 'GET',
        path: '/crm/v2/Leads',
        times: 20,
        status: 500,
        body: { code: 'INTERNAL_ERROR', message: 'boom', status: 'error', details: {} },
      });
      try {
        await expect(
          runExport(client, { module: 'Leads', format: 'jsonl', out, pageSize: 2 }),
        ).rejects.toThrow(/after 2 record\(s\); .*failed\.jsonl not written/);
      } finally {
        await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
      }
      expect(existsSync(out)).toBe(false);
      expect(existsSync(`${out}.partial`)).toBe(false);
    });

    it('draws nothing when the progress stream is not a terminal', async () => {
      const quiet = fakeTerminal();
      quiet.isTTY = false;
      await runExport(client, {
        module: 'Accounts',
        format: 'jsonl',
        out: path.join(dir, 'accounts.jsonl'),
        progressStream: quiet,
      });
      expect(quiet.text()).toBe('');
    });
  });

  describe('import', () => {
    const request = (file: string, extra: Partial<ImportRequest> = {}): ImportRequest => ({
      module: 'Leads',
      file,
      format: file.endsWith('.csv') ? 'csv' : 'jsonl',
      results: `${file}.results.jsonl`,
      ...extra,
    });

    async function leadsNamed(prefix: string): Promise<any[]> {
      const res = await raw.post('/crm/v2/coql', {
        select_query: `select Last_Name, Company, Email, No_of_Employees, Email_Opt_Out, Lead_Source from Leads where Last_Name like '${prefix}%' limit 200`,
      });
      return res.json?.data ?? [];
    }

    it('inserts good CSV rows and reports every malformed row, in input order, without sending it', async () => {
      const file = path.join(dir, 'people.csv');
      writeFileSync(
        file,
        [
          'Last_Name,Company,No_of_Employees,Email_Opt_Out,Lead_Source,Created_Time',
          'Imp Alpha,"Alpha, Ltd",10,true,Web Download,2020-01-01T00:00:00Z',
          'Imp Beta,Beta Co,ten,false,,',
          'Imp Gamma,Gamma Co,3',
          '',
          'Imp Delta,"Delta ""D"" Co",4,FALSE,Advertisement,',
          'Imp Epsilon,Eps"ilon,5,true,,',
          ',No Name Co,6,true,,',
          'Imp Zeta,"Zeta',
          'multi-line, unterminated,7,true,,',
        ].join('\r\n'),
      );
      const terminal = fakeTerminal();
      const summary = await runImport(client, { ...request(file), progressStream: terminal });
      expect(summary).toEqual({
        rows: 7,
        inserted: 2,
        updated: 0,
        unchanged: 0,
        valid: 0,
        failed: 5,
        unknown: 0,
        skipped: 0,
        ignored: ['Created_Time'],
      });
      const results = lines(`${file}.results.jsonl`);
      expect(results.map((r) => [r.row, r.line, r.status])).toEqual([
        [1, 2, 'inserted'],
        [2, 3, 'failed'],
        [3, 4, 'failed'],
        [4, 6, 'inserted'],
        [5, 7, 'failed'],
        [6, 8, 'failed'],
        [7, 9, 'failed'],
      ]);
      expect(results[0].id).toMatch(/^\d+$/);
      expect(results[1]).toMatchObject({
        code: 'INVALID_ROW',
        error: 'No_of_Employees: expects a number, got "ten"',
      });
      expect(results[2]).toMatchObject({
        code: 'INVALID_ROW',
        error: 'malformed CSV: 3 cell(s) where the header has 6',
      });
      expect(results[4].error).toMatch(/^malformed CSV: a quote inside the unquoted cell 2/);
      expect(results[5]).toMatchObject({ code: 'MANDATORY_NOT_FOUND' });
      expect(results[6].error).toMatch(/^malformed CSV: an unterminated quoted cell/);

      const stored = await leadsNamed('Imp ');
      expect(stored.map((r) => r.Last_Name).sort()).toEqual(['Imp Alpha', 'Imp Delta']);
      expect(stored.find((r) => r.Last_Name === 'Imp Alpha')).toMatchObject({
        Company: 'Alpha, Ltd',
        No_of_Employees: 10,
        Email_Opt_Out: true,
        Lead_Source: 'Web Download',
      });
      expect(stored.find((r) => r.Last_Name === 'Imp Delta')).toMatchObject({
        Company: 'Delta "D" Co',
        Email_Opt_Out: false,
      });
      expect(terminal.text()).toContain('import Leads [');
      expect(terminal.text()).toContain('7/7');
    });

    it('sends 100 records per call and answers each row, also for JSON Lines with bad lines', async () => {
      const file = path.join(dir, 'many.jsonl');
      const rows = Array.from({ length: 250 }, (_, i) =>
        JSON.stringify({ Last_Name: `Many ${i}`, Company: 'Many Co' }),
      );
      rows.splice(10, 0, '{"Last_Name": "Broken",');
      rows.splice(20, 0, '["not", "an", "object"]');
      rows.splice(30, 0, JSON.stringify({ Last_Name: 'Unknown field', Colour: 'red' }));
      rows.splice(40, 0, JSON.stringify({ Last_Name: 'Bad count', No_of_Employees: 'ten' }));
      writeFileSync(file, '\uFEFF' + rows.join('\n') + '\n\n');
      await fetch(`${emulator.url}/__emulator/requests`, { method: 'DELETE' });
      const summary = await runImport(client, request(file));
      expect(summary).toMatchObject({ rows: 254, inserted: 250, failed: 4 });
      const posts = (await requestLog(emulator, '/crm/v2/Leads')).filter((r) => r.method === 'POST');
      expect(posts).toHaveLength(3);
      const results = lines(`${file}.results.jsonl`);
      expect(results).toHaveLength(254);
      expect(results.map((r) => r.row)).toEqual(Array.from({ length: 254 }, (_, i) => i + 1));
      expect(results[10]).toMatchObject({ status: 'failed', line: 11, code: 'INVALID_ROW' });
      expect(results[10].error).toMatch(/^malformed JSON: /);
      expect(results[20]).toMatchObject({
        error: 'malformed row: each line must be one JSON object of field API names',
      });
      expect(results[30]).toMatchObject({ error: 'Colour: not a field of Leads' });
      // A value the ORM cannot send: its validation rejects the record, nothing of it is sent.
      expect(results[40]).toMatchObject({ status: 'failed', code: 'VALIDATION_FAILED' });
      expect(results[40].error).toMatch(/No_of_Employees.*expects a finite number/);
      const ids = results.filter((r) => r.status === 'inserted').map((r) => r.id);
      expect(new Set(ids).size).toBe(250);
      for (const [index, id] of [
        [0, ids[0]],
        [249, ids[249]],
      ] as const) {
        expect((await raw.get(`/crm/v2/Leads/${id}`)).json.data[0].Last_Name).toBe(`Many ${index}`);
      }
      expect(await leadsNamed('Bad count')).toEqual([]);
    });

    it('updates rows that carry an id, and upserts by the fields given with --upsert', async () => {
      const created = await raw.post('/crm/v2/Leads', {
        data: [{ Last_Name: 'Upd One', Company: 'Old', Email: 'upd.one@example.com' }],
      });
      const id = created.json.data[0].details.id;
      const file = path.join(dir, 'update.csv');
      writeFileSync(file, `id,Company\n${id},New Co\n99999999999999999,Nobody\n`);
      const updated = await runImport(client, request(file));
      expect(updated).toMatchObject({ rows: 2, updated: 1, failed: 1 });
      expect((await raw.get(`/crm/v2/Leads/${id}`)).json.data[0].Company).toBe('New Co');
      expect(lines(`${file}.results.jsonl`)[1]).toMatchObject({ status: 'failed', code: 'RECORD_NOT_FOUND' });

      const upsertFile = path.join(dir, 'upsert.jsonl');
      writeFileSync(
        upsertFile,
        [
          { Last_Name: 'Upd One', Email: 'upd.one@example.com', Company: 'Upserted Co' },
          { Last_Name: 'Upd Two', Email: 'upd.two@example.com', Company: 'Fresh Co' },
        ]
          .map((r) => JSON.stringify(r))
          .join('\n'),
      );
      const upserted = await runImport(client, request(upsertFile, { upsert: ['Email'] }));
      expect(upserted).toMatchObject({ rows: 2, inserted: 1, updated: 1, failed: 0 });
      const results = lines(`${upsertFile}.results.jsonl`);
      expect(results[0]).toMatchObject({ status: 'updated', id });
      expect(results[1]).toMatchObject({ status: 'inserted' });
      expect((await raw.get(`/crm/v2/Leads/${id}`)).json.data[0].Company).toBe('Upserted Co');
      await expect(runImport(client, request(upsertFile, { upsert: ['email'] }))).rejects.toThrow(
        new CliUsageError('--upsert: Leads has no field "email"'),
      );
    });

    it('checks every row on --dry-run and sends nothing', async () => {
      const file = path.join(dir, 'dry.jsonl');
      writeFileSync(
        file,
        [
          JSON.stringify({ Last_Name: 'Dry One', Company: 'Dry Co' }),
          JSON.stringify({ Last_Name: 'Dry Two', No_of_Employees: 2.5 }),
          JSON.stringify({ Last_Name: 'Dry Three', Email_Opt_Out: 'maybe' }),
        ].join('\n'),
      );
      await fetch(`${emulator.url}/__emulator/requests`, { method: 'DELETE' });
      const summary = await runImport(client, request(file, { dryRun: true }));
      expect(summary).toMatchObject({ rows: 3, valid: 1, failed: 2, inserted: 0 });
      const results = lines(`${file}.results.jsonl`);
      expect(results[0]).toEqual({ row: 1, line: 1, status: 'valid', action: 'insert' });
      expect(results[1].error).toMatch(/No_of_Employees.*expects an integer, got 2\.5/);
      expect(results[2].error).toMatch(/Email_Opt_Out.*expects true or false/);
      const writes = (await requestLog(emulator)).filter(
        (r) => r.method !== 'GET' && r.path.startsWith('/crm/v2/Leads'),
      );
      expect(writes).toEqual([]);
      expect(await leadsNamed('Dry ')).toEqual([]);
    });

    it('refuses a CSV header with a column that is not a field, before writing anything', async () => {
      const file = path.join(dir, 'badheader.csv');
      writeFileSync(file, 'Last_Name,last_name\nX,Y\n');
      await expect(runImport(client, request(file))).rejects.toThrow(
        new CliUsageError(`${file}: column "last_name" is not a field of Leads (did you mean "Last_Name"?)`),
      );
      expect(existsSync(`${file}.results.jsonl`)).toBe(false);
      writeFileSync(file, 'Last_Name,Last_Name\nX,Y\n');
      await expect(runImport(client, request(file))).rejects.toThrow(/column "Last_Name" appears twice/);
      writeFileSync(file, '');
      await expect(runImport(client, request(file))).rejects.toThrow(
        /is empty: a CSV import needs a header row/,
      );
    });

    it('stops sending when Zoho refuses the credentials, and still answers every row', async () => {
      const file = path.join(dir, 'stopped.jsonl');
      writeFileSync(
        file,
        Array.from({ length: 700 }, (_, i) => JSON.stringify({ Last_Name: `Stop ${i}` })).join('\n'),
      );
      const refused = {
        code: 'AUTHENTICATION_FAILURE',
        details: {},
        message: 'Authentication failed',
        status: 'error',
      };
      await addFault(emulator, {
        method: 'POST',
        path: '/crm/v2/Leads',
        times: 50,
        status: 401,
        body: refused,
      });
      try {
        const summary = await runImport(client, request(file));
        expect(summary).toMatchObject({ rows: 700, inserted: 0, failed: 500, skipped: 200 });
      } finally {
        await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
      }
      const results = lines(`${file}.results.jsonl`);
      expect(results).toHaveLength(700);
      expect(results[0]).toMatchObject({ status: 'failed', code: 'AUTHENTICATION_FAILURE' });
      expect(results[699]).toMatchObject({ status: 'skipped', row: 700 });
      expect(results[699].error).toMatch(/the import stopped when Zoho refused the credentials/);
    });
  });
});
