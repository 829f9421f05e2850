import { RunningEmulator } from '../../src/emulator';
import { obtainTokens, RawClient, startTestEmulator } from '../support/emulator';

describe('fault injection', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => ({ emulator, client } = await startTestEmulator()));
  afterAll(() => emulator.stop());
  afterEach(() => client.admin('DELETE', 'faults'));

  const addFault = (rule: unknown) =>
    client.request('POST', '/__emulator/faults', { body: rule, token: null });
  const statuses = async (n: number, path = '/crm/v2/Leads') => {
    const out = [];
    for (let i = 0; i < n; i++) out.push((await client.get(path)).status);
    return out;
  };

  it('scripts a 429 with its headers and body, once', async () => {
    const body = { code: 'TOO_MANY_REQUESTS', details: {}, message: 'slow down', status: 'error' };
    const added = await addFault({
      path: '/crm/v2/Leads',
      status: 429,
      body,
      headers: { 'Retry-After': '2', 'X-API-CREDITS-REMAINING': '0' },
      times: 1,
    });
    expect([added.status, added.json]).toEqual([200, { active: 1 }]);
    const res = await client.get('/crm/v2/Leads');
    expect(res.status).toBe(429);
    expect(res.json).toEqual(body);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.headers.get('x-api-credits-remaining')).toBe('0');
    const next = await client.get('/crm/v2/Leads');
    expect(next.status).toBe(200);
    expect(next.headers.get('retry-after')).toBeNull();
    expect((await client.admin('GET', 'limits')).creditsUsed).toBe(1);
  });

  it('answers a burst of 5xx, then recovers when the rule runs out', async () => {
    await addFault({ path: '/crm/v2/Leads', status: 503, times: 3 });
    expect(await statuses(5)).toEqual([503, 503, 503, 200, 200]);
  });

  it('matches on method and on a path prefix', async () => {
    await addFault({ method: 'GET', path: '/crm/v2/Con*', status: 500, times: 2 });
    expect((await client.post('/crm/v2/Contacts', { data: [{ Last_Name: 'Methodical' }] })).status).toBe(201);
    expect(await statuses(1, '/crm/v2/Leads')).toEqual([200]);
    expect(await statuses(3, '/crm/v2/Contacts?fields=Last_Name')).toEqual([500, 500, 200]);
  });

  it('keeps a rule without `times` until DELETE /__emulator/faults', async () => {
    await addFault({ path: '/crm/v2/Leads', status: 500 });
    expect(await statuses(4)).toEqual([500, 500, 500, 500]);
    expect(await client.admin('DELETE', 'faults')).toEqual({ active: 0 });
    expect(await statuses(1)).toEqual([200]);
  });

  it('drops the connection without a response, then keeps serving', async () => {
    await addFault({ path: '/crm/v2/Leads', drop: true, times: 1 });
    await client.admin('DELETE', 'requests');
    const failure = await client.get('/crm/v2/Leads').then(
      () => undefined,
      (err: Error & { cause?: { code?: string } }) => err,
    );
    expect(failure?.message).toBe('fetch failed');
    expect(['UND_ERR_SOCKET', 'ECONNRESET']).toContain(failure!.cause?.code);
    expect(await statuses(1)).toEqual([200]);
    const { requests } = await client.admin('GET', 'requests');
    expect(requests.map((r: any) => [r.path, r.status])).toEqual([
      ['/crm/v2/Leads', undefined],
      ['/crm/v2/Leads', 200],
    ]);
  });

  it('adds latency, and delays a scripted response too', async () => {
    await addFault({ path: '/crm/v2/Leads', delayMs: 300, times: 1 });
    let start = Date.now();
    expect((await client.get('/crm/v2/Leads')).status).toBe(200);
    expect(Date.now() - start).toBeGreaterThanOrEqual(290);
    start = Date.now();
    expect((await client.get('/crm/v2/Leads')).status).toBe(200);
    expect(Date.now() - start).toBeLessThan(250);

    await addFault({ path: '/crm/v2/Leads', delayMs: 200, status: 502, times: 1 });
    start = Date.now();
    expect((await client.get('/crm/v2/Leads')).status).toBe(502);
    expect(Date.now() - start).toBeGreaterThanOrEqual(190);
  });

  it('applies to the token endpoint, so clients can meet a failing Accounts server', async () => {
    await addFault({
      method: 'POST',
      path: '/oauth/v2/token',
      status: 500,
      body: { error: 'server_error' },
      times: 1,
    });
    const code = await emulator.issueGrantToken({ scope: 'ZohoCRM.modules.ALL' });
    const url = `${emulator.url}/oauth/v2/token?grant_type=authorization_code&client_id=${emulator.clientId}&client_secret=${emulator.clientSecret}&code=${code}`;
    const failed = await fetch(url, { method: 'POST' });
    expect([failed.status, await failed.json()]).toEqual([500, { error: 'server_error' }]);
    // The faulted call never reached Accounts, so the code is still good.
    const ok = await fetch(url, { method: 'POST' });
    expect(((await ok.json()) as any).access_token).toMatch(/^1000\./);
  });

  it('never faults the admin routes', async () => {
    expect((await addFault({ path: '/*', status: 500 })).status).toBe(200);
    expect(await client.admin('GET', 'limits')).toMatchObject({ concurrency: 20 });
    expect((await client.get('/crm/v2/Leads')).status).toBe(500);
  });

  it('accepts a list of rules, all or none', async () => {
    const bad = await addFault({
      rules: [
        { path: '/crm/v2/Leads', status: 500 },
        { path: '/crm/v2/Leads', status: 'x' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ error: '"status" must be an HTTP status (100-599)' });
    expect(await statuses(1)).toEqual([200]);
    const good = await addFault({
      rules: [
        { path: '/crm/v2/Leads', status: 500, times: 1 },
        { path: '/crm/v2/Leads', status: 501, times: 1 },
      ],
    });
    expect(good.json).toEqual({ active: 2 });
    expect(await statuses(3)).toEqual([500, 501, 200]);
  });

  it.each([
    [{}, 'fault rule needs a "path" starting with "/"'],
    [
      { path: '/crm/v2/Leads' },
      'a fault rule needs "status", "answer", "delayMs", "drop" or "dropAnswerAfterCommit"',
    ],
    [{ rules: 'nope' }, 'a fault rule must be an object'],
  ])('rejects %j', async (rule, error) => {
    const res = await addFault(rule);
    expect([res.status, res.json]).toEqual([400, { error }]);
  });

  describe('POST /__emulator/tokens/expire', () => {
    it('expires one token, so its next call is 401 INVALID_TOKEN while others work', async () => {
      const a = await obtainTokens(emulator);
      const b = await obtainTokens(emulator);
      expect(await client.admin('POST', 'tokens/expire', { accessToken: a.access_token })).toEqual({
        expired: 1,
      });
      const res = await client.request('GET', '/crm/v2/Leads', { token: a.access_token });
      expect([res.status, res.json]).toEqual([
        401,
        { code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' },
      ]);
      expect((await client.request('GET', '/crm/v2/Leads', { token: b.access_token })).status).toBe(200);
      expect(await client.admin('POST', 'tokens/expire', { token: b.access_token })).toEqual({ expired: 1 });
      expect((await client.request('GET', '/crm/v2/Leads', { token: b.access_token })).status).toBe(401);
    });

    it('expires every live token of one user by email, and refreshing recovers', async () => {
      const kevin1 = await obtainTokens(emulator, 'ZohoCRM.modules.ALL', 'kevin.hart@zylker.com');
      const kevin2 = await obtainTokens(emulator, 'ZohoCRM.modules.ALL', 'kevin.hart@zylker.com');
      const priya = await obtainTokens(emulator, 'ZohoCRM.modules.ALL', 'priya.raman@zylker.com');
      expect(await client.admin('POST', 'tokens/expire', { email: 'Kevin.Hart@zylker.com' })).toEqual({
        expired: 2,
      });
      for (const t of [kevin1, kevin2])
        expect((await client.request('GET', '/crm/v2/Leads', { token: t.access_token })).status).toBe(401);
      expect((await client.request('GET', '/crm/v2/Leads', { token: priya.access_token })).status).toBe(200);
      const refreshed = await fetch(`${emulator.url}/oauth/v2/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: emulator.clientId,
          client_secret: emulator.clientSecret,
          refresh_token: kevin1.refresh_token,
        }),
      }).then((r) => r.json() as Promise<{ access_token: string }>);
      expect((await client.request('GET', '/crm/v2/Leads', { token: refreshed.access_token })).status).toBe(
        200,
      );
    });

    it('rejects a non-string token', async () => {
      const res = await client.request('POST', '/__emulator/tokens/expire', {
        body: { accessToken: 5 },
        token: null,
      });
      expect(res.status).toBe(400);
      expect((await client.get('/crm/v2/Leads')).status).toBe(200);
    });
  });
});
