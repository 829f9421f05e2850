import { RunningEmulator } from '../../src/emulator';
import { obtainTokens, RawClient, RawResponse, startTestEmulator } from '../support/emulator';

const CREDITS_EXHAUSTED = {
  code: 'TOO_MANY_REQUESTS',
  details: {},
  message:
    'Number of API requests for the 24 hour period is exceeded or the concurrency limit of the user for the app is exceeded',
  status: 'error',
};
const TOO_CONCURRENT = {
  code: 'TOO_MANY_REQUESTS',
  details: {},
  message: 'Many requests fired in concurrent than the allowed limit',
  status: 'error',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('API credits and concurrency', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => ({ emulator, client } = await startTestEmulator()));
  afterAll(() => emulator.stop());
  afterEach(async () => {
    await client.admin('DELETE', 'faults');
    await client.admin('PUT', 'limits', { edition: 'enterprise', resetCredits: true });
  });

  const limits = (body: unknown = undefined) =>
    client.admin(body === undefined ? 'GET' : 'PUT', 'limits', body);
  const creditHeaders = (res: RawResponse) => [
    res.headers.get('x-api-credits-remaining'),
    res.headers.get('x-ratelimit-day-limit'),
    res.headers.get('x-ratelimit-day-remaining'),
  ];

  it('starts from the edition budget: enterprise with three users', async () => {
    expect(await limits()).toEqual({
      creditsPerDay: 53_000,
      concurrency: 20,
      heavyConcurrency: 10,
      creditsUsed: 0,
    });
    const res = await client.get('/crm/v2/Leads');
    expect(creditHeaders(res)).toEqual([null, '53000', '52999']);
  });

  it('sends X-API-CREDITS-REMAINING once half the credits are used, then answers 429 until the day rolls', async () => {
    await limits({ creditsPerDay: 10, resetCredits: true });
    const seen = [];
    for (let i = 0; i < 10; i++) {
      const res = await client.get('/crm/v2/Leads');
      expect(res.status).toBe(200);
      seen.push(creditHeaders(res));
    }
    expect(seen).toEqual([
      [null, '10', '9'],
      [null, '10', '8'],
      [null, '10', '7'],
      [null, '10', '6'],
      ['5', '10', '5'],
      ['4', '10', '4'],
      ['3', '10', '3'],
      ['2', '10', '2'],
      ['1', '10', '1'],
      ['0', '10', '0'],
    ]);
    const refused = await client.get('/crm/v2/Leads');
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual(CREDITS_EXHAUSTED);
    expect(creditHeaders(refused)).toEqual(['0', '10', '0']);
    expect(refused.headers.get('x-accesstoken-reset')).toMatch(/\+05:30$/);
    expect((await limits()).creditsUsed).toBe(10);

    // Credits come back a rolling 24 hours later (the token has expired by then; get another).
    await client.admin('POST', 'clock', { advanceSeconds: 23 * 3600 });
    const stillOut = new RawClient(emulator, (await obtainTokens(emulator)).access_token);
    expect((await stillOut.get('/crm/v2/Leads')).status).toBe(429);
    await client.admin('POST', 'clock', { advanceSeconds: 3600 + 60 });
    const later = new RawClient(emulator, (await obtainTokens(emulator)).access_token);
    const back = await later.get('/crm/v2/Leads');
    expect(back.status).toBe(200);
    expect(creditHeaders(back)).toEqual([null, '10', '9']);
    client.accessToken = later.accessToken;
  });

  it('charges 3 credits for a list through a custom view', async () => {
    const before = (await limits()).creditsUsed;
    await client.get('/crm/v2/Leads?cvid=3652397000000087501');
    expect((await limits()).creditsUsed).toBe(before + 3);
    await client.get('/crm/v2/Leads?fields=Last_Name');
    expect((await limits()).creditsUsed).toBe(before + 4);
  });

  it('refuses calls past the concurrency limit with 429, without charging them', async () => {
    await limits({ concurrency: 2, resetCredits: true });
    await client.admin('POST', 'faults', { path: '/crm/v2/Leads', delayMs: 600, times: 2 });
    const slow = [client.get('/crm/v2/Leads'), client.get('/crm/v2/Leads')];
    await sleep(200);
    const refused = await client.get('/crm/v2/Leads');
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual(TOO_CONCURRENT);
    expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200]);
    expect((await limits()).creditsUsed).toBe(2);
    expect((await client.get('/crm/v2/Leads')).status).toBe(200);
  });

  it('holds heavy APIs to their own sub-limit while other calls proceed', async () => {
    await limits({ concurrency: 5, heavyConcurrency: 1 });
    await client.admin('POST', 'faults', { method: 'POST', path: '/crm/v2/coql', delayMs: 600, times: 1 });
    const query = { select_query: 'select Last_Name from Leads limit 1' };
    const slow = client.post('/crm/v2/coql', query);
    await sleep(200);
    const refused = await client.post('/crm/v2/coql', query);
    expect([refused.status, refused.json]).toEqual([429, TOO_CONCURRENT]);
    expect((await client.get('/crm/v2/Leads')).status).toBe(200);
    expect((await slow).status).toBe(200);
    expect((await client.post('/crm/v2/coql', query)).status).toBe(200);
  });

  it('frees the slot of a request whose client went away', async () => {
    await limits({ concurrency: 1 });
    await client.admin('POST', 'faults', { path: '/crm/v2/Leads', delayMs: 1500, times: 1 });
    const abort = new AbortController();
    const held = fetch(`${emulator.url}/crm/v2/Leads`, {
      headers: { Authorization: `Zoho-oauthtoken ${client.accessToken}` },
      signal: abort.signal,
    }).catch((err: Error) => err.name);
    await sleep(200);
    expect((await client.get('/crm/v2/Contacts')).status).toBe(429);
    abort.abort();
    expect(await held).toBe('AbortError');
    await sleep(50);
    expect((await client.get('/crm/v2/Contacts')).status).toBe(200);
  });

  describe('PUT /__emulator/limits', () => {
    it('switches every budget with an edition and lets numbers override it', async () => {
      expect(await limits({ edition: 'free' })).toMatchObject({
        creditsPerDay: 5_000,
        concurrency: 5,
        heavyConcurrency: 5,
      });
      expect(await limits({ edition: 'professional', concurrency: 3 })).toMatchObject({
        creditsPerDay: 51_500,
        concurrency: 3,
        heavyConcurrency: 10,
      });
      const res = await client.get('/crm/v2/Leads');
      expect(res.headers.get('x-ratelimit-day-limit')).toBe('51500');
    });

    it('rejects bad values with 400 and changes nothing', async () => {
      const before = await limits();
      for (const body of [
        { edition: 'gold' },
        { concurrency: -1 },
        { concurrency: 2, creditsPerDay: 'many' },
        { heavyConcurrency: 1.5 },
      ]) {
        const res = await client.request('PUT', '/__emulator/limits', { body, token: null });
        expect(res.status).toBe(400);
        expect(res.json.error).toEqual(expect.any(String));
      }
      expect(await limits()).toEqual(before);
    });
  });
});

describe('limits of other editions and header settings', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(
    async () =>
      ({ emulator, client } = await startTestEmulator({ edition: 'free', legacyRateLimitHeaders: false })),
  );
  afterAll(() => emulator.stop());

  it('uses the free edition budget and can leave out the v2-era headers', async () => {
    expect(await client.admin('GET', 'limits')).toEqual({
      creditsPerDay: 5_000,
      concurrency: 5,
      heavyConcurrency: 5,
      creditsUsed: 0,
    });
    const res = await client.get('/crm/v2/Leads');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-day-limit')).toBeNull();
    expect(res.headers.get('x-ratelimit-day-remaining')).toBeNull();
    expect(res.headers.get('x-accesstoken-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/);
    await client.admin('PUT', 'limits', { creditsPerDay: 2 });
    expect((await client.get('/crm/v2/Leads')).headers.get('x-api-credits-remaining')).toBe('0');
  });
});
