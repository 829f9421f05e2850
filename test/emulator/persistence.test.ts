import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator } from '../../src/emulator';
import { obtainTokens, RawClient } from '../support/emulator';

describe('state persistence', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zcrm-state-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('writes the state atomically with mode 0600 at stop, and loads it at the next start', async () => {
    const file = path.join(dir, 'nested', 'state.json');
    const first = await startEmulator({ state: file });
    const tokens = await obtainTokens(first);
    const client = new RawClient(first, tokens.access_token);
    const created = await client.post('/crm/v2/Leads', {
      data: [{ Last_Name: 'Persisted', Company: 'Disk Inc' }],
    });
    const id: string = created.json.data[0].details.id;
    await expect(fs.stat(file)).rejects.toThrow(/ENOENT/);
    await first.stop();

    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await fs.readdir(path.dirname(file))).toEqual(['state.json']);
    const saved = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(saved.version).toBe(1);
    expect(saved.records.Leads[id].Last_Name).toBe('Persisted');
    // Edit the file by hand: the next start must show the edit, proving it loaded the file rather than reseeding.
    saved.records.Leads[id].Company = 'Edited On Disk';
    await fs.writeFile(file, JSON.stringify(saved));

    const second = await startEmulator({ state: file });
    try {
      expect([second.clientId, second.clientSecret]).toEqual([first.clientId, first.clientSecret]);
      const again = new RawClient(second, tokens.access_token);
      const res = await again.get(`/crm/v2/Leads/${id}`);
      expect(res.status).toBe(200);
      expect(res.json.data[0]).toMatchObject({ Last_Name: 'Persisted', Company: 'Edited On Disk' });
      // Ids keep increasing across restarts.
      const next = await again.post('/crm/v2/Leads', { data: [{ Last_Name: 'After Restart' }] });
      expect(BigInt(next.json.data[0].details.id)).toBeGreaterThan(BigInt(id));
      // The refresh token issued before the restart still mints access tokens.
      const refreshed = await fetch(`${second.url}/oauth/v2/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: second.clientId,
          client_secret: second.clientSecret,
          refresh_token: tokens.refresh_token,
        }),
      }).then((r) => r.json() as Promise<any>);
      expect(refreshed.api_domain).toBe(second.url);
      expect((await again.request('GET', '/crm/v2/Leads', { token: refreshed.access_token })).status).toBe(
        200,
      );
    } finally {
      await second.stop();
    }
  });

  it('replaces an existing file by rename, leaving no temp file behind', async () => {
    const file = path.join(dir, 'state.json');
    const first = await startEmulator({ state: file });
    await first.stop();
    const inodeBefore = (await fs.stat(file)).ino;
    const second = await startEmulator({ state: file });
    await second.stop();
    await second.stop(); // a second stop is a no-op
    expect((await fs.stat(file)).ino).not.toBe(inodeBefore);
    expect(await fs.readdir(dir)).toEqual(['state.json']);
  });

  it('lets explicit client credentials override the saved ones', async () => {
    const file = path.join(dir, 'state.json');
    await (await startEmulator({ state: file })).stop();
    const emulator = await startEmulator({
      state: file,
      clientId: '1000.EXPLICIT',
      clientSecret: 'explicit-secret',
    });
    try {
      expect([emulator.clientId, emulator.clientSecret]).toEqual(['1000.EXPLICIT', 'explicit-secret']);
      expect((await obtainTokens(emulator)).access_token).toMatch(/^1000\./);
    } finally {
      await emulator.stop();
    }
  });

  it.each([
    ['not JSON', '{"version":1,', /is not valid JSON/],
    ['JSON null', 'null', /is not an emulator state file/],
    ['another version', '{"version":2,"modules":[]}', /is not an emulator state file/],
    [
      'a state without OAuth tables',
      '{"version":1,"idCursor":1,"org":{},"users":[],"modules":[],"records":{}}',
      /is not an emulator state file/,
    ],
  ])(
    'refuses to start from a file holding %s, naming the file and leaving it untouched',
    async (_label, text, message) => {
      const file = path.join(dir, 'broken.json');
      await fs.writeFile(file, text);
      const start = startEmulator({ state: file });
      await expect(start).rejects.toThrow(message);
      await expect(start).rejects.toThrow(file);
      expect(await fs.readFile(file, 'utf8')).toBe(text);
    },
  );

  it('names the file when it cannot be read', async () => {
    await expect(startEmulator({ state: dir })).rejects.toThrow(`cannot read emulator state file ${dir}`);
  });
});
