/** `zcrm export` and `zcrm import` as processes: messages, quiet progress off a terminal, exit codes 0/1/2. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startEmulator, RunningEmulator } from '../../src/emulator';
import { PATRICIA } from '../support/sdk';
import { emulatorEnv, expectNoSecrets, fileTokens, grantCode, runCli } from './cli-support';

jest.setTimeout(180_000);

describe('zcrm export / import (processes)', () => {
  let emulator: RunningEmulator;
  let dir: string;
  let env: Record<string, string>;
  let secrets: string[];
  beforeAll(async () => {
    emulator = await startEmulator();
    dir = mkdtempSync(path.join(tmpdir(), 'zcrm-cli-commands-'));
    env = emulatorEnv(emulator, `file:${path.join(dir, 'tokens')}`, PATRICIA);
    expect((await runCli(['auth', 'grant', await grantCode(emulator, PATRICIA)], { env })).code).toBe(0);
    const tokens = fileTokens(path.join(dir, 'tokens'))[PATRICIA];
    secrets = [tokens.accessToken, tokens.refreshToken, emulator.clientSecret];
  });
  afterAll(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports to a file (format from the extension) with a summary and no progress output off a terminal', async () => {
    const out = path.join(dir, 'leads.csv');
    const run = await runCli(['export', 'Leads', '--fields', 'Last_Name,Company', '--out', out], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('id,Last_Name,Company');
    expect(run.stdout).toBe(`exported ${rows.length - 1} record(s) of Leads to ${out}\n`);
    expect(rows).toContainEqual(expect.stringMatching(/^\d+,Daly,Zylker$/));
    expectNoSecrets(run, secrets);
  });

  it('exports to stdout with --out -, the summary on stderr', async () => {
    const run = await runCli(
      ['export', 'Leads', '--where', '{"Last_Name":"Daly"}', '--format', 'jsonl', '--out', '-'],
      { env },
    );
    expect(run.code).toBe(0);
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ Last_Name: 'Daly', Company: 'Zylker' });
    expect(run.stderr).toBe('exported 1 record(s) of Leads to stdout\n');
  });

  it.each([
    [['export', 'Leads'], /required option '--out <file>' not specified/],
    [
      ['export', 'Leads', '--out', 'x.xml'],
      /cannot tell the format of "x\.xml": give --format jsonl or --format csv/,
    ],
    [['export', 'Leads', '--out', 'x.csv', '--format', 'xml'], /Allowed choices are jsonl, csv/],
    [['export', 'Lead', '--out', 'x.csv'], /no API-supported module "Lead"/],
    [
      ['export', 'Leads', '--out', 'x.csv', '--where', '{"Last_Name":{"$nope":1}}'],
      /unknown operator \$nope/,
    ],
    [['import', 'Leads', 'missing.csv'], /no such file: missing\.csv/],
    [['import', 'Leads'], /missing required argument 'file'/],
    [['import', 'Leads', 'x.csv', '--concurrency', '0'], /expected a positive whole number, got "0"/],
  ])('exits 2 for %j', async (args, message) => {
    const run = await runCli(args, { env, cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(existsSync(path.join(dir, 'x.csv'))).toBe(false);
  });

  it('imports, exits 1 when a row failed, and leaves the result file next to the input', async () => {
    const file = path.join(dir, 'in.csv');
    writeFileSync(
      file,
      'Last_Name,Company,No_of_Employees\nCli One,One Co,1\nCli Two,Two Co,two\nCli Three,Three Co,3\n',
    );
    const run = await runCli(['import', 'Leads', file], { env });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `3 row(s) of Leads: 2 inserted, 0 updated, 0 unchanged, 1 failed; results in ${file}.results.jsonl\n`,
    );
    expect(run.stderr).toBe(`zcrm: 1 of 3 row(s) were not imported; see ${file}.results.jsonl\n`);
    const results = readFileSync(`${file}.results.jsonl`, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(results.map((r) => r.status)).toEqual(['inserted', 'failed', 'inserted']);
    expectNoSecrets(run, secrets);
  });

  it('dry-runs an import into a chosen result file and exits 0 when every row is valid', async () => {
    const file = path.join(dir, 'dry.jsonl');
    const results = path.join(dir, 'dry-results.jsonl');
    writeFileSync(file, '{"Last_Name":"Dry CLI","Created_Time":"2020-01-01T00:00:00Z"}\n');
    const run = await runCli(
      ['import', 'Leads', file, '--dry-run', '--results', results, '--upsert', 'Email'],
      { env },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `1 row(s) of Leads: 1 valid, 0 invalid (dry run: nothing sent); results in ${results}\n`,
    );
    expect(run.stderr).toBe('read-only fields not sent: Created_Time\n');
    expect(JSON.parse(readFileSync(results, 'utf8'))).toEqual({
      row: 1,
      line: 1,
      status: 'valid',
      action: 'upsert',
    });
  });
});
