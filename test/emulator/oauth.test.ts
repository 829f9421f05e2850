import { RunningEmulator } from '../../src/emulator';
import { RawClient, startTestEmulator } from '../support/emulator';

const TOKEN_SHAPE = /^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/;
const ACCESS_DENIED = {
  error_description: 'You have made too many requests continuously. Please try again after some time.',
  error: 'Access Denied',
  status: 'failure',
};

type Mode = 'query' | 'urlencoded' | 'multipart' | 'basic';

describe('Zoho Accounts OAuth', () => {
  let emulator: RunningEmulator;
  let client: RawClient;
  beforeAll(async () => ({ emulator, client } = await startTestEmulator()));
  afterAll(() => emulator.stop());

  /** Calls the token endpoint the way different clients do: Python SDK (query + "null" body, no Content-Type), forms, Basic. */
  async function tokenCall(
    params: Record<string, string>,
    mode: Mode = 'urlencoded',
  ): Promise<{ status: number; json: any }> {
    const all = { client_id: emulator.clientId, client_secret: emulator.clientSecret, ...params };
    let url = `${emulator.url}/oauth/v2/token`;
    const init: RequestInit & { headers: Record<string, string> } = { method: 'POST', headers: {} };
    if (mode === 'query') {
      url += `?${new URLSearchParams(all).toString()}`;
      init.body = Buffer.from('null');
    } else if (mode === 'urlencoded') {
      init.body = new URLSearchParams(all);
    } else if (mode === 'multipart') {
      const form = new FormData();
      for (const [k, v] of Object.entries(all)) form.set(k, v);
      // A stray file part must not stall the parser.
      form.set('attachment', new Blob(['ignored']), 'a.txt');
      init.body = form;
    } else {
      const { client_id, client_secret, ...rest } = all;
      init.headers.Authorization = `Basic ${Buffer.from(`${client_id}:${client_secret}`).toString('base64')}`;
      init.body = new URLSearchParams(rest);
    }
    const res = await fetch(url, init);
    return { status: res.status, json: await res.json() };
  }

  async function exchange(scope = 'ZohoCRM.modules.ALL', email?: string) {
    const code = await emulator.issueGrantToken({ scope, email });
    const res = await tokenCall({ grant_type: 'authorization_code', code });
    expect(res.json.access_token).toMatch(TOKEN_SHAPE);
    return res.json as { access_token: string; refresh_token: string };
  }

  const refresh = (refreshToken: string, mode: Mode = 'urlencoded') =>
    tokenCall({ grant_type: 'refresh_token', refresh_token: refreshToken }, mode);

  const leadsStatus = async (token: string) =>
    (await client.request('GET', '/crm/v2/Leads', { token })).status;

  it.each<Mode>(['query', 'urlencoded', 'multipart', 'basic'])(
    'exchanges a grant code sent as %s for the exact §1.3 shape',
    async (mode) => {
      const code = await emulator.issueGrantToken({ scope: 'ZohoCRM.modules.ALL' });
      const res = await tokenCall(
        { grant_type: 'authorization_code', code, redirect_uri: 'http://localhost/cb' },
        mode,
      );
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        access_token: expect.stringMatching(TOKEN_SHAPE),
        refresh_token: expect.stringMatching(TOKEN_SHAPE),
        api_domain: emulator.url,
        token_type: 'Bearer',
        expires_in: 3600,
      });
      expect(Object.keys(res.json)).toHaveLength(5);
      expect(res.json.access_token).not.toBe(res.json.refresh_token);
      expect(await leadsStatus(res.json.access_token)).toBe(200);
    },
  );

  it.each<Mode>(['query', 'urlencoded', 'multipart', 'basic'])(
    'refreshes with parameters sent as %s, without a new refresh token',
    async (mode) => {
      const { access_token, refresh_token } = await exchange();
      const res = await refresh(refresh_token, mode);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        access_token: expect.stringMatching(TOKEN_SHAPE),
        api_domain: emulator.url,
        token_type: 'Bearer',
        expires_in: 3600,
      });
      expect(res.json.access_token).not.toBe(access_token);
      // The earlier access token stays valid until it expires.
      expect(await leadsStatus(res.json.access_token)).toBe(200);
      expect(await leadsStatus(access_token)).toBe(200);
    },
  );

  it('uses a grant code once only', async () => {
    const code = await emulator.issueGrantToken({ scope: 'ZohoCRM.modules.ALL' });
    expect((await tokenCall({ grant_type: 'authorization_code', code })).json.access_token).toMatch(
      TOKEN_SHAPE,
    );
    expect(await tokenCall({ grant_type: 'authorization_code', code })).toEqual({
      status: 200,
      json: { error: 'invalid_code' },
    });
  });

  it('answers 200 invalid_code for unknown, missing and expired codes and unknown refresh tokens', async () => {
    const unknown = `1000.${'0'.repeat(32)}.${'0'.repeat(32)}`;
    expect(await tokenCall({ grant_type: 'authorization_code', code: unknown })).toEqual({
      status: 200,
      json: { error: 'invalid_code' },
    });
    expect(await tokenCall({ grant_type: 'authorization_code' })).toEqual({
      status: 200,
      json: { error: 'invalid_code' },
    });
    expect(await refresh(unknown)).toEqual({ status: 200, json: { error: 'invalid_code' } });
    expect(await tokenCall({ grant_type: 'refresh_token' })).toEqual({
      status: 200,
      json: { error: 'invalid_code' },
    });

    const fresh = await emulator.issueGrantToken({ scope: 'ZohoCRM.modules.ALL' });
    const stale = await emulator.issueGrantToken({ scope: 'ZohoCRM.modules.ALL' });
    await client.admin('POST', 'clock', { advanceSeconds: 170 });
    expect((await tokenCall({ grant_type: 'authorization_code', code: fresh })).json.access_token).toMatch(
      TOKEN_SHAPE,
    );
    await client.admin('POST', 'clock', { advanceSeconds: 11 });
    expect(await tokenCall({ grant_type: 'authorization_code', code: stale })).toEqual({
      status: 200,
      json: { error: 'invalid_code' },
    });
  });

  it('checks the client before the code, so a wrong secret does not burn the code', async () => {
    const code = await emulator.issueGrantToken({ scope: 'ZohoCRM.modules.ALL' });
    expect(await tokenCall({ grant_type: 'authorization_code', code, client_id: '1000.NOTMINE' })).toEqual({
      status: 200,
      json: { error: 'invalid_client' },
    });
    expect(await tokenCall({ grant_type: 'authorization_code', code, client_secret: 'wrong' })).toEqual({
      status: 200,
      json: { error: 'invalid_client_secret' },
    });
    const res = await fetch(`${emulator.url}/oauth/v2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code }),
    });
    expect(await res.json()).toEqual({ error: 'invalid_client' });
    expect((await tokenCall({ grant_type: 'authorization_code', code })).json.access_token).toMatch(
      TOKEN_SHAPE,
    );
  });

  it('answers unsupported_grant_type for other grants', async () => {
    expect(await tokenCall({ grant_type: 'client_credentials' })).toEqual({
      status: 200,
      json: { error: 'unsupported_grant_type' },
    });
  });

  it('mints at most 10 access tokens per refresh token per 10 minutes, then allows more', async () => {
    const { refresh_token } = await exchange(); // the exchange mints the first of the ten
    for (let i = 0; i < 9; i++) expect((await refresh(refresh_token)).json.access_token).toMatch(TOKEN_SHAPE);
    expect(await refresh(refresh_token)).toEqual({ status: 400, json: ACCESS_DENIED });
    expect(await refresh(refresh_token, 'query')).toEqual({ status: 400, json: ACCESS_DENIED });
    // Other refresh tokens have their own budget.
    expect((await refresh((await exchange()).refresh_token)).status).toBe(200);
    await client.admin('POST', 'clock', { advanceSeconds: 10 * 60 });
    const again = await refresh(refresh_token);
    expect(again.status).toBe(200);
    expect(again.json.access_token).toMatch(TOKEN_SHAPE);
  });

  it('revokes the oldest refresh token when a 21st is issued within 10 minutes', async () => {
    await client.admin('POST', 'clock', { advanceSeconds: 11 * 60 }); // older tokens leave the window
    const issued = [];
    for (let i = 0; i < 20; i++) issued.push(await exchange());
    expect((await refresh(issued[0].refresh_token)).status).toBe(200);
    const newest = await exchange();
    expect(await refresh(issued[0].refresh_token)).toEqual({ status: 200, json: { error: 'invalid_code' } });
    expect(await leadsStatus(issued[0].access_token)).toBe(401);
    expect((await refresh(issued[1].refresh_token)).status).toBe(200);
    expect(await leadsStatus(newest.access_token)).toBe(200);
  });

  it('expires access tokens after one hour of emulator time, with X-ACCESSTOKEN-RESET at that instant', async () => {
    const before = (await client.admin('GET', 'clock')).now;
    const { access_token, refresh_token } = await exchange();
    const ok = await client.request('GET', '/crm/v2/Leads', { token: access_token });
    const reset = Date.parse(ok.headers.get('x-accesstoken-reset')!);
    expect(ok.headers.get('x-accesstoken-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/);
    expect(reset).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3_600_000);
    expect(reset).toBeLessThanOrEqual(before + 3_600_000 + 5_000);

    await client.admin('POST', 'clock', { advanceSeconds: 3590 });
    expect(await leadsStatus(access_token)).toBe(200);
    await client.admin('POST', 'clock', { advanceSeconds: 15 });
    const expired = await client.request('GET', '/crm/v2/Leads', { token: access_token });
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({
      code: 'INVALID_TOKEN',
      details: {},
      message: 'invalid oauth token',
      status: 'error',
    });
    // Refresh tokens never expire.
    expect(await leadsStatus((await refresh(refresh_token)).json.access_token)).toBe(200);
  });

  describe('user info', () => {
    const userInfo = (token: string) =>
      fetch(`${emulator.url}/oauth/user/info`, {
        headers: { Authorization: `Zoho-oauthtoken ${token}` },
      }).then(async (r) => ({
        status: r.status,
        json: await r.json(),
      }));

    it('returns the user of the token with the profile scope (any case)', async () => {
      const { access_token } = await exchange('ZohoCRM.modules.ALL,AaaServer.profile.READ');
      expect(await userInfo(access_token)).toEqual({
        status: 200,
        json: {
          First_Name: 'Patricia',
          Email: 'patricia.boyle@zylker.com',
          Last_Name: 'Boyle',
          Display_Name: 'Patricia Boyle',
          ZUID: 808233918,
        },
      });
      const kevin = await exchange('aaaserver.PROFILE.read', 'kevin.hart@zylker.com');
      expect((await userInfo(kevin.access_token)).json).toMatchObject({
        Email: 'kevin.hart@zylker.com',
        ZUID: 808233920,
      });
    });

    it('has no Email without the profile scope, and refuses unknown tokens', async () => {
      const { access_token } = await exchange('ZohoCRM.modules.ALL');
      const denied = await userInfo(access_token);
      expect(denied).toEqual({ status: 401, json: { response: 'error', cause: 'invalid_oauth_scope' } });
      expect(await userInfo(`1000.${'1'.repeat(32)}.${'2'.repeat(32)}`)).toEqual({
        status: 401,
        json: { response: 'error', cause: 'invalid_oauth_token' },
      });
    });
  });

  it('revokes a refresh token and every access token minted from it', async () => {
    const doomed = await exchange();
    const second = (await refresh(doomed.refresh_token)).json.access_token;
    const other = await exchange();
    const res = await fetch(`${emulator.url}/oauth/v2/token/revoke?token=${doomed.refresh_token}`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'success' });
    expect(await leadsStatus(doomed.access_token)).toBe(401);
    expect(await leadsStatus(second)).toBe(401);
    expect(await refresh(doomed.refresh_token)).toEqual({ status: 200, json: { error: 'invalid_code' } });
    expect(await leadsStatus(other.access_token)).toBe(200);
    expect((await refresh(other.refresh_token)).status).toBe(200);
  });

  it('logs token calls with their grant type whatever the encoding, redacting secrets', async () => {
    await client.admin('DELETE', 'requests');
    const { refresh_token } = await exchange();
    await refresh(refresh_token, 'multipart');
    await refresh(refresh_token, 'query');
    const { requests } = await client.admin('GET', 'requests?path=/oauth/v2/token');
    expect(requests.map((r: any) => [r.method, r.status, r.grantType])).toEqual([
      ['POST', 200, 'authorization_code'],
      ['POST', 200, 'refresh_token'],
      ['POST', 200, 'refresh_token'],
    ]);
    const queryUrl: string = requests[2].url;
    expect(queryUrl).toContain('client_secret=***');
    expect(queryUrl).toContain('refresh_token=***');
    expect(queryUrl).not.toContain(refresh_token);
    expect(queryUrl).not.toContain(emulator.clientSecret);
  });
});
