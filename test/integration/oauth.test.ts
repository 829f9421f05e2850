import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { ZohoOAuth } from '../../src/auth/zoho-oauth';
import { MemoryTokenStore } from '../../src/auth/stores/memory-token-store';
import { AuthenticationException, RateLimitException, ZCRMException } from '../../src/errors';
import { ALL_SCOPES } from '../support/emulator';
import {
  addFault,
  admin,
  authorisedClient,
  emulatorConfig,
  KEVIN,
  PATRICIA,
  PRIYA,
  requestLog,
  tokenRequests,
} from '../support/sdk';

describe('OAuth against the emulator', () => {
  let emulator: RunningEmulator;
  const clients: ZCRMRestClient[] = [];
  const track = (client: ZCRMRestClient) => (clients.push(client), client);

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await emulator.stop();
  });
  beforeEach(async () => {
    await admin(emulator, 'DELETE', 'requests');
    await admin(emulator, 'DELETE', 'faults');
  });

  it('exchanges a grant token, stores the tokens under the email from /oauth/user/info, and calls the API', async () => {
    const store = new MemoryTokenStore();
    const client = track(
      new ZCRMRestClient(emulatorConfig(emulator, { tokenStore: store, currentUserEmail: KEVIN })),
    );
    const code = await emulator.issueGrantToken({ scope: ALL_SCOPES, email: KEVIN });
    const tokens = await client.oauthClient.generateAccessToken(code);
    expect(tokens).toMatchObject({
      userEmail: KEVIN,
      accessToken: expect.stringMatching(/^1000\./),
      refreshToken: expect.stringMatching(/^1000\./),
    });
    expect(tokens.expiryTime).toBeGreaterThan(Date.now() + 3_500_000);
    expect(await store.getOAuthTokens(KEVIN)).toEqual(tokens);
    await expect(client.oauthClient.getAccessToken(KEVIN)).resolves.toBe(tokens.accessToken);
    const response = await client.request<{ data: unknown[] }>({ path: 'Leads', params: { per_page: 1 } });
    expect(response.status).toBe(200);
    expect(response.data?.data).toHaveLength(1);
    const log = await requestLog(emulator, '/crm/v2/Leads');
    expect(log.map((r) => r.user)).toEqual([KEVIN]);
  });

  it('rejects a used grant token with an error that asks for a new one', async () => {
    const client = track(new ZCRMRestClient(emulatorConfig(emulator)));
    const code = await emulator.issueGrantToken({ scope: ALL_SCOPES, email: PATRICIA });
    await client.oauthClient.generateAccessToken(code);
    const error = await client.oauthClient.generateAccessToken(code).catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationException);
    expect(error).toMatchObject({ errorCode: 'INVALID_GRANT_TOKEN', needsReauthorization: true });
    expect(error.message).toMatch(/grant token was rejected/);
  });

  it('says that the aaaserver.profile.READ scope is missing', async () => {
    const client = track(new ZCRMRestClient(emulatorConfig(emulator)));
    const code = await emulator.issueGrantToken({ scope: 'ZohoCRM.modules.ALL', email: PATRICIA });
    const error = await client.oauthClient.generateAccessToken(code).catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationException);
    expect(error.errorCode).toBe('MISSING_PROFILE_SCOPE');
    expect(error.message).toMatch(/aaaserver\.profile\.READ/);
  });

  it('names a wrong client id or secret', async () => {
    const code = await emulator.issueGrantToken({ scope: ALL_SCOPES });
    const badSecret = track(
      new ZCRMRestClient(emulatorConfig(emulator, { clientSecret: 'wrong-secret-value' })),
    );
    await expect(badSecret.oauthClient.generateAccessToken(code)).rejects.toMatchObject({
      errorCode: 'invalid_client_secret',
      message: expect.stringMatching(/rejected the client secret/),
    });
    const badId = track(new ZCRMRestClient(emulatorConfig(emulator, { clientId: '1000.NOPE' })));
    await expect(badId.oauthClient.generateAccessToken(code)).rejects.toMatchObject({
      errorCode: 'invalid_client',
    });
  });

  it('returns the tokens from generateAccessTokenFromRefreshToken and keeps the refresh token', async () => {
    const client = track(await authorisedClient(emulator, PRIYA));
    const first = await client.oauthClient.getAccessToken(PRIYA);
    const stored = (await (client.oauthClient as any).store.getOAuthTokens(PRIYA))!;
    const renewed = await client.oauthClient.generateAccessTokenFromRefreshToken(stored.refreshToken, PRIYA);
    expect(renewed.accessToken).not.toBe(first);
    expect(renewed.refreshToken).toBe(stored.refreshToken);
    expect(await client.oauthClient.getAccessToken(PRIYA)).toBe(renewed.accessToken);
    expect(await tokenRequests(emulator)).toBe(1);
  });

  it('accepts the older expires_in_sec form (expires_in in milliseconds)', async () => {
    const client = track(new ZCRMRestClient(emulatorConfig(emulator)));
    await addFault(emulator, {
      method: 'POST',
      path: '/oauth/v2/token',
      times: 1,
      status: 200,
      body: {
        access_token: '1000.aaaa',
        refresh_token: '1000.rrrr',
        expires_in_sec: 3600,
        expires_in: 3_600_000,
        token_type: 'Bearer',
      },
    });
    const tokens = await client.oauthClient.generateAccessTokenFromRefreshToken('1000.rrrr', PATRICIA);
    expect(tokens.expiryTime - Date.now()).toBeGreaterThan(3_590_000);
    expect(tokens.expiryTime - Date.now()).toBeLessThanOrEqual(3_600_000);
  });

  it('refreshes proactively shortly before expiry', async () => {
    let now = Date.now();
    const client = track(
      await authorisedClient(emulator, PATRICIA, { refreshMarginMs: 60_000 }, { now: () => now }),
    );
    const first = await client.oauthClient.getAccessToken(PATRICIA);
    now += 3_600_000 - 120_000;
    expect(await client.oauthClient.getAccessToken(PATRICIA)).toBe(first);
    now += 61_000;
    const second = await client.oauthClient.getAccessToken(PATRICIA);
    expect(second).not.toBe(first);
    expect(await tokenRequests(emulator)).toBe(1);
  });

  it('refreshes once when the API answers INVALID_TOKEN, then retries the call', async () => {
    const client = track(await authorisedClient(emulator, KEVIN));
    const first = await client.oauthClient.getAccessToken(KEVIN);
    await admin(emulator, 'POST', 'tokens/expire', { accessToken: first });
    const response = await client.request({ path: 'Leads', params: { per_page: 1 } });
    expect(response.status).toBe(200);
    expect(await client.oauthClient.getAccessToken(KEVIN)).not.toBe(first);
    expect(await tokenRequests(emulator)).toBe(1);
    expect((await requestLog(emulator, '/crm/v2/Leads')).map((r) => r.status)).toEqual([401, 200]);
  });

  it('rejects calls with a re-authorization error when the refresh token is revoked, without looping', async () => {
    const client = track(await authorisedClient(emulator, PRIYA));
    const stored = (await (client.oauthClient as any).store.getOAuthTokens(PRIYA))!;
    await fetch(`${emulator.url}/oauth/v2/token/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: stored.refreshToken }),
    });
    for (let i = 0; i < 3; i++) {
      const error = await client.request({ path: 'Leads' }).catch((e) => e);
      expect(error).toBeInstanceOf(AuthenticationException);
      expect(error).toMatchObject({ needsReauthorization: true, errorCode: 'REFRESH_TOKEN_REJECTED' });
      expect(error.message).toMatch(/re-authorization is needed/);
    }
    expect(await tokenRequests(emulator)).toBe(3);
  });

  it('revokes the refresh token and forgets the tokens', async () => {
    const client = track(await authorisedClient(emulator, KEVIN));
    await client.oauthClient.revokeRefreshToken(KEVIN);
    expect((await requestLog(emulator, '/oauth/v2/token/revoke')).length).toBe(1);
    await expect(client.oauthClient.getAccessToken(KEVIN)).rejects.toMatchObject({
      errorCode: 'NO_TOKENS',
      needsReauthorization: true,
    });
  });

  it("surfaces Zoho Accounts' token throttling as a rate-limit error", async () => {
    const client = track(await authorisedClient(emulator, PATRICIA));
    const { refreshToken } = (await (client.oauthClient as any).store.getOAuthTokens(PATRICIA))!;
    for (let i = 0; i < 9; i++)
      await client.oauthClient.generateAccessTokenFromRefreshToken(refreshToken, PATRICIA);
    const error = await client.oauthClient
      .generateAccessTokenFromRefreshToken(refreshToken, PATRICIA)
      .catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitException);
    expect(error.errorCode).toBe('TOKEN_REQUESTS_THROTTLED');
  });

  it('maps a broken token endpoint and an unreachable one to exceptions', async () => {
    const client = track(new ZCRMRestClient(emulatorConfig(emulator)));
    await addFault(emulator, { path: '/oauth/v2/token', times: 1, status: 502, body: 'Bad gateway' });
    await expect(
      client.oauthClient.generateAccessTokenFromRefreshToken('1000.x', PATRICIA),
    ).rejects.toMatchObject({ statusCode: 502, errorCode: 'HTTP_502' });
    const offline = track(
      new ZCRMRestClient(emulatorConfig(emulator, { accountsUrl: 'http://127.0.0.1:9' })),
    );
    await expect(
      offline.oauthClient.generateAccessTokenFromRefreshToken('1000.x', PATRICIA),
    ).rejects.toMatchObject({
      failure: 'refused',
      errorCode: 'ECONNREFUSED',
    });
  });

  it('makes exactly one token request for 1,000 concurrent calls at expiry (single-flight)', async () => {
    const client = track(await authorisedClient(emulator, PATRICIA, { throttle: { maxConcurrent: 20 } }));
    const store = (client.oauthClient as any).store as MemoryTokenStore;
    const tokens = (await store.getOAuthTokens(PATRICIA))!;
    await store.saveOAuthTokens({ ...tokens, expiryTime: Date.now() - 1 });
    (client.oauthClient as any).cache.clear();
    await admin(emulator, 'DELETE', 'requests');
    const responses = await Promise.all(
      Array.from({ length: 1000 }, () => client.request({ path: 'Leads', params: { per_page: 1 } })),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(await tokenRequests(emulator)).toBe(1);
    const used = new Set((await requestLog(emulator, '/crm/v2/Leads')).map((r) => r.status));
    expect(used).toEqual(new Set([200]));
  });

  describe('users', () => {
    it('keeps concurrent runAs scopes apart: no call uses another user’s token', async () => {
      const store = new MemoryTokenStore();
      const client = track(new ZCRMRestClient(emulatorConfig(emulator, { tokenStore: store })));
      for (const email of [PATRICIA, KEVIN, PRIYA]) {
        await client.oauthClient.generateAccessToken(
          await emulator.issueGrantToken({ scope: ALL_SCOPES, email }),
        );
      }
      await admin(emulator, 'DELETE', 'requests');
      const users = [PATRICIA, KEVIN, PRIYA];
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          ZCRMRestClient.runAs(users[i % 3], async () => {
            await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5));
            expect(client.getCurrentUserEmailID()).toBe(users[i % 3]);
            return client.request({ path: 'Leads', params: { per_page: 1, caller: `${i % 3}-${i}` } });
          }),
        ),
      );
      const log = await requestLog(emulator, '/crm/v2/Leads');
      expect(log).toHaveLength(60);
      for (const entry of log) {
        const caller = Number(/caller=(\d)-/.exec(entry.url)![1]);
        expect(entry.user).toBe(users[caller]);
      }
    });

    it('falls back on currentUserEmail and fails clearly with no user at all', async () => {
      const withDefault = track(await authorisedClient(emulator, KEVIN));
      await withDefault.request({ path: 'Leads', params: { per_page: 1 } });
      expect((await requestLog(emulator, '/crm/v2/Leads')).pop().user).toBe(KEVIN);
      const noUser = track(new ZCRMRestClient(emulatorConfig(emulator)));
      await expect(noUser.request({ path: 'Leads' })).rejects.toThrow(/Current user should either be set/);
      expect(() => noUser.getCurrentUserEmailID()).toThrow(ZCRMException);
    });
  });

  describe('process-wide client', () => {
    it('initialize sets up getInstance and ZohoOAuth.getClientInstance; close forgets them', async () => {
      expect(() => ZCRMRestClient.getInstance()).toThrow(/must be called before this/);
      expect(() => ZohoOAuth.getClientInstance()).toThrow(ZCRMException);
      const client = ZCRMRestClient.initialize({
        client_id: emulator.clientId,
        client_secret: emulator.clientSecret,
        redirect_uri: 'http://127.0.0.1/cb',
        apiBaseUrl: emulator.url,
        accounts_url: emulator.url,
        currentUserEmail: PATRICIA,
        tokenStore: 'memory',
      });
      expect(ZCRMRestClient.getInstance()).toBe(client);
      expect(ZohoOAuth.getClientInstance()).toBe(client.oauthClient);
      await ZohoOAuth.getClientInstance().generateAccessToken(
        await emulator.issueGrantToken({ scope: ALL_SCOPES }),
      );
      expect(
        (await ZCRMRestClient.getInstance().request({ path: 'Leads', params: { per_page: 1 } })).status,
      ).toBe(200);
      await client.close();
      expect(() => ZCRMRestClient.getInstance()).toThrow(ZCRMException);
    });
  });
});
