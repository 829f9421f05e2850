import { networkInterfaces } from 'node:os';
import { RunningEmulator, startEmulator } from '../../src/emulator';
import { obtainTokens, RawClient, startTestEmulator } from '../support/emulator';

const ORG_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/;

describe('admin routes', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => ({ emulator, client } = await startTestEmulator()));
  afterAll(() => emulator.stop());

  const admin = (method: string, path: string, body?: unknown) =>
    client.request(method, `/__emulator/${path}`, { body, token: null });

  describe('grant tokens', () => {
    it('mints a one-time code for a scope and user', async () => {
      const res = await admin('POST', 'grant-tokens', {
        scope: 'ZohoCRM.modules.ALL,AaaServer.profile.READ',
        email: 'priya.raman@zylker.com',
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ code: expect.stringMatching(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/) });
      const tokens = await fetch(`${emulator.url}/oauth/v2/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: emulator.clientId,
          client_secret: emulator.clientSecret,
          code: res.json.code,
        }),
      }).then((r) => r.json() as Promise<{ access_token: string }>);
      const info = await fetch(`${emulator.url}/oauth/user/info`, {
        headers: { Authorization: `Zoho-oauthtoken ${tokens.access_token}` },
      });
      expect(((await info.json()) as any).Email).toBe('priya.raman@zylker.com');
    });

    it.each([
      [{}, '"scope" (comma-separated scopes) is required'],
      [{ scope: ' , ' }, 'a grant token needs at least one scope'],
      [
        { scope: 'ZohoCRM.modules.ALL', email: 'nobody@zylker.com' },
        'no emulated user has the email nobody@zylker.com',
      ],
      [{ scope: 'ZohoCRM.modules.ALL', email: 3 }, '"email" must be a string'],
      ['{"scope":', 'the body is not valid JSON'],
      ['["ZohoCRM.modules.ALL"]', 'the body must be a JSON object'],
    ])('refuses %j with 400', async (body, error) => {
      const res = await admin('POST', 'grant-tokens', body);
      expect([res.status, res.json]).toEqual([400, { error }]);
    });
  });

  describe('clock', () => {
    it('reports and advances emulator time in the org offset', async () => {
      const before = (await admin('GET', 'clock')).json;
      expect(before.time).toMatch(ORG_TIME);
      const after = (await admin('POST', 'clock', { advanceSeconds: 86_400 })).json;
      expect(after.now - before.now).toBeGreaterThanOrEqual(86_400_000);
      expect(after.now - before.now).toBeLessThan(86_400_000 + 5_000);
      expect(after.time).toMatch(ORG_TIME);
      // A day later the suite's access token has expired.
      client.accessToken = (await obtainTokens(emulator)).access_token;
    });

    it.each([{ advanceSeconds: -1 }, { advanceSeconds: '60' }, {}])('refuses %j', async (body) => {
      const res = await admin('POST', 'clock', body);
      expect([res.status, res.json]).toEqual([
        400,
        { error: '"advanceSeconds" must be a non-negative number' },
      ]);
    });
  });

  describe('request log', () => {
    beforeEach(() => client.admin('DELETE', 'requests'));

    it('lists CRM and OAuth calls with method, path, status and user, but not admin calls', async () => {
      await client.get('/crm/v2/Leads?per_page=2');
      await client.get('/crm/v9/Leads');
      await client.request('GET', '/crm/v2/Contacts', { token: null });
      await admin('GET', 'clock');
      const { requests } = await client.admin('GET', 'requests');
      expect(requests).toEqual([
        {
          seq: expect.any(Number),
          time: expect.stringMatching(ORG_TIME),
          method: 'GET',
          url: '/crm/v2/Leads?per_page=2',
          path: '/crm/v2/Leads',
          status: 200,
          user: 'patricia.boyle@zylker.com',
          headers: expect.objectContaining({ authorization: 'Zoho-oauthtoken ***' }),
        },
        {
          seq: expect.any(Number),
          time: expect.stringMatching(ORG_TIME),
          method: 'GET',
          url: '/crm/v9/Leads',
          path: '/crm/v9/Leads',
          status: 404,
          user: undefined,
          headers: expect.any(Object),
        },
        {
          seq: expect.any(Number),
          time: expect.stringMatching(ORG_TIME),
          method: 'GET',
          url: '/crm/v2/Contacts',
          path: '/crm/v2/Contacts',
          status: 401,
          headers: expect.any(Object),
        },
      ]);
      expect(requests[0].seq).toBeLessThan(requests[1].seq);
    });

    it('filters by exact path or by a prefix ending in *', async () => {
      await client.get('/crm/v2/Leads');
      await client.get('/crm/v2/Leads?page=1');
      await client.get('/crm/v2/Contacts');
      const exact = (await client.admin('GET', 'requests?path=/crm/v2/Leads')).requests;
      expect(exact.map((r: any) => r.url)).toEqual(['/crm/v2/Leads', '/crm/v2/Leads?page=1']);
      const prefix = (await client.admin('GET', `requests?path=${encodeURIComponent('/crm/v2/*')}`)).requests;
      expect(prefix).toHaveLength(3);
      expect((await client.admin('GET', 'requests?path=/crm/v2/Deals')).requests).toEqual([]);
    });

    it('redacts codes, tokens and secrets in logged URLs', async () => {
      const code = await emulator.issueGrantToken({ scope: 'ZohoCRM.modules.ALL' });
      const query = new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: emulator.clientId,
        client_secret: emulator.clientSecret,
        code,
      });
      const tokens = await fetch(`${emulator.url}/oauth/v2/token?${query.toString()}`, {
        method: 'POST',
      }).then((r) => r.json() as Promise<any>);
      await fetch(`${emulator.url}/oauth/v2/token/revoke?token=${tokens.refresh_token}`, { method: 'POST' });
      const { requests } = await client.admin('GET', 'requests');
      expect(requests.map((r: any) => [r.url, r.status, r.grantType])).toEqual([
        [
          `/oauth/v2/token?grant_type=authorization_code&client_id=${emulator.clientId}&client_secret=***&code=***`,
          200,
          'authorization_code',
        ],
        ['/oauth/v2/token/revoke?token=***', 200, undefined],
      ]);
      const text = JSON.stringify(requests);
      for (const secret of [code, emulator.clientSecret, tokens.refresh_token])
        expect(text).not.toContain(secret);
    });

    it('is emptied by DELETE', async () => {
      await client.get('/crm/v2/Leads');
      expect(await client.admin('DELETE', 'requests')).toEqual({ status: 'cleared' });
      expect((await client.admin('GET', 'requests')).requests).toEqual([]);
    });
  });

  describe('reset', () => {
    it('restores seeded data, faults, limits and the log, keeping tokens valid', async () => {
      const daly = (await client.get('/crm/v2/Leads')).json.data.find((r: any) => r.Last_Name === 'Daly');
      const created = await client.post('/crm/v2/Leads', { data: [{ Last_Name: 'Temporary' }] });
      const tempId = created.json.data[0].details.id;
      await client.put(`/crm/v2/Leads/${daly.id}`, { data: [{ Company: 'Changed Inc' }] });
      await client.admin('PUT', 'limits', { concurrency: 1, creditsPerDay: 100 });
      await client.admin('POST', 'faults', { path: '/crm/v2/Deals', status: 500 });

      expect(await client.admin('POST', 'reset')).toEqual({ status: 'reset' });

      expect((await client.get(`/crm/v2/Leads/${tempId}`)).status).toBe(204);
      expect((await client.get(`/crm/v2/Leads/${daly.id}`)).json.data[0].Company).toBe('Zylker');
      expect((await client.get('/crm/v2/Deals')).status).toBe(200);
      expect(await client.admin('GET', 'limits')).toEqual({
        creditsPerDay: 53_000,
        concurrency: 20,
        heavyConcurrency: 10,
        creditsUsed: 3,
      });
      expect((await client.admin('GET', 'requests')).requests.map((r: any) => r.path)).toEqual([
        `/crm/v2/Leads/${tempId}`,
        `/crm/v2/Leads/${daly.id}`,
        '/crm/v2/Deals',
      ]);
    });

    it('is also available as RunningEmulator.reset()', async () => {
      await client.post('/crm/v2/Leads', { data: [{ Last_Name: 'Gone Soon' }] });
      emulator.reset();
      const names = (await client.get('/crm/v2/Leads')).json.data.map((r: any) => r.Last_Name);
      expect(names).not.toContain('Gone Soon');
      expect(names).toContain('Daly');
    });
  });
});

describe('admin routes from another host', () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

  // Needs a non-loopback interface to connect from; the address check itself is unit-tested in unit-faults.
  (external ? it : it.skip)(
    'refuses non-loopback clients with 403 while the CRM API still answers',
    async () => {
      const emulator = await startEmulator({ host: external });
      try {
        const res = await fetch(`${emulator.url}/__emulator/limits`);
        expect(res.status).toBe(403);
        expect(await res.json()).toEqual({ error: 'the emulator admin routes answer loopback clients only' });
        const crm = await fetch(`${emulator.url}/crm/v2/Leads`);
        expect(crm.status).toBe(401);
      } finally {
        await emulator.stop();
      }
    },
  );
});
