import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as net from 'node:net';
import * as path from 'node:path';
import type { RunningEmulator } from '../../src/emulator';
import { seedOrg } from '../../src/emulator/data/org';
import { RawClient } from '../support/emulator';
import { pollJob, uploadCsv } from './bulk-support';
import { runTs, TsRun } from '../support/child-processes';

// ts-node compiles the sources on the fly, which takes a few seconds on a busy machine.
jest.setTimeout(90_000);

/** Waits for the first complete stdout line (the emulator's JSON banner). */
async function firstLine(run: TsRun): Promise<string> {
  for (;;) {
    const newline = run.stdout().indexOf('\n');
    if (newline >= 0) return run.stdout().slice(0, newline);
    const exited = await Promise.race([
      run.exited.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 50)),
    ]);
    if (exited && run.stdout().indexOf('\n') < 0) throw new Error(`exited before printing: ${run.stderr()}`);
  }
}

interface Banner {
  url: string;
  clientId: string;
  clientSecret: string;
}

/** A grant code from the admin route, exchanged at the token endpoint with the printed client credentials. */
async function login(banner: Banner): Promise<string> {
  const grant = await fetch(`${banner.url}/__emulator/grant-tokens`, {
    method: 'POST',
    body: JSON.stringify({ scope: 'ZohoCRM.modules.ALL,ZohoCRM.bulk.ALL,ZohoFiles.files.ALL' }),
  });
  const { code } = (await grant.json()) as { code: string };
  const res = await fetch(`${banner.url}/oauth/v2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: banner.clientId,
      client_secret: banner.clientSecret,
      code,
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('zcrm emulator (CLI)', () => {
  let dir: string;
  const running: TsRun[] = [];
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'zcrm-cli-'))));
  afterAll(() => {
    for (const run of running) if (run.child.exitCode === null) run.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(args: string[]): Promise<{ run: TsRun; banner: Banner }> {
    const run = runTs('src/cli/main.ts', ['emulator', ...args]);
    running.push(run);
    return { run, banner: JSON.parse(await firstLine(run)) };
  }

  it('prints one JSON line, serves, saves its state on SIGTERM and reloads it on the next start', async () => {
    const stateFile = path.join(dir, 'state.json');
    const first = await start(['--port', '0', '--state', stateFile, '--edition', 'professional']);
    expect(Object.keys(first.banner)).toEqual(['url', 'clientId', 'clientSecret']);
    expect(first.banner.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.banner.clientId).toMatch(/^1000\.[0-9A-Z]+$/);

    const token = await login(first.banner);
    const client = new RawClient({ url: first.banner.url } as RunningEmulator, token);
    const fileId = await uploadCsv(client, seedOrg().zgid, 'Last_Name,Company\nPersisted,Saved Ltd\n');
    const job = await client.post('/crm/bulk/v2/write', {
      operation: 'insert',
      resource: [{ module: 'Leads', file_id: fileId }],
    });
    await pollJob(client, `/crm/bulk/v2/write/${job.json.details.id}`, (b) => b.status);
    const list = await client.get('/crm/v2/Leads?per_page=200');
    const created = list.json.data.find((r: any) => r.Last_Name === 'Persisted');
    expect(created).toBeDefined();

    first.run.child.kill('SIGTERM');
    expect(await first.run.exited).toBe(0);
    expect(first.run.stdout().trim().split('\n')).toHaveLength(1);
    expect(existsSync(stateFile)).toBe(true);
    expect(readFileSync(stateFile, 'utf8')).toContain('Persisted');

    const second = await start(['--state', stateFile]);
    expect(second.banner.clientId).toBe(first.banner.clientId);
    // The saved state keeps both the record and the session of run 1.
    const again = new RawClient({ url: second.banner.url } as RunningEmulator, token);
    const record = await again.get(`/crm/v2/Leads/${created.id}`);
    expect(record.status).toBe(200);
    expect(record.json.data[0]).toEqual(
      expect.objectContaining({ id: created.id, Last_Name: 'Persisted', Company: 'Saved Ltd' }),
    );
    second.run.child.kill('SIGINT');
    expect(await second.run.exited).toBe(0);
  });

  it.each([
    [['--port', 'abc'], /--port <n>.*'abc' is invalid/],
    [['--port', '70000'], /--port <n>.*'70000' is invalid/],
    [['--edition', 'gold'], /Allowed choices are free, standard, professional, enterprise, ultimate/],
    [['--seed', 'no/such/seed.json'], /no such file: no\/such\/seed\.json/],
    [['--bogus'], /unknown option '--bogus'/],
  ])('exits 2 with a message on stderr for %j', async (args, message) => {
    const run = runTs('src/cli/main.ts', ['emulator', ...args]);
    running.push(run);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toMatch(message);
    expect(run.stdout()).toBe('');
  });

  it('exits 1 with the reason when it cannot listen', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as net.AddressInfo).port;
      const run = runTs('src/cli/main.ts', ['emulator', '--port', String(port)]);
      running.push(run);
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toMatch(/^zcrm: .*EADDRINUSE/);
      expect(run.stdout()).toBe('');
    } finally {
      blocker.close();
    }
  });

  it('loads a seed file given with --seed', async () => {
    const seed = path.join(dir, 'seed.json');
    writeFileSync(
      seed,
      JSON.stringify({ records: { Leads: [{ Last_Name: 'Seeded', Company: 'Seed Co' }] } }),
    );
    const { run, banner } = await start(['--seed', seed]);
    const client = new RawClient({ url: banner.url } as RunningEmulator, await login(banner));
    const list = await client.get('/crm/v2/Leads?per_page=200');
    expect(list.json.data.map((r: any) => r.Last_Name)).toContain('Seeded');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
