import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { MemoryTokenStore } from '../../src/auth/stores/memory-token-store';
import { ZCRMException } from '../../src/errors';
import { ALL_SCOPES } from '../support/emulator';
import { addFault, admin, emulatorConfig, KEVIN, PATRICIA } from '../support/sdk';

/**
 * Runs every flow that touches a secret (grant exchange, refresh, INVALID_TOKEN recovery, revoke, errors from
 * Accounts and from the API, a server that echoes the token back) with file logging on, then searches the log
 * file and every error for each secret value.
 */
describe('no secret reaches a log line or an error', () => {
  let emulator: RunningEmulator;
  const logDir = mkdtempSync(join(tmpdir(), 'zcrm-logs-'));
  const secrets = new Set<string>();
  const errors: ZCRMException[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.stop());

  const capture = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (err) {
      expect(err).toBeInstanceOf(ZCRMException);
      errors.push(err as ZCRMException);
    }
  };

  it('runs the flows', async () => {
    secrets.add(emulator.clientSecret);
    const store = new MemoryTokenStore();
    const client = new ZCRMRestClient(
      emulatorConfig(emulator, {
        tokenStore: store,
        applicationLogFilePath: logDir,
        currentUserEmail: PATRICIA,
      }),
    );

    for (const email of [PATRICIA, KEVIN]) {
      const code = await emulator.issueGrantToken({ scope: ALL_SCOPES, email });
      secrets.add(code);
      await client.oauthClient.generateAccessToken(code);
      await capture(client.oauthClient.generateAccessToken(code)); // reused grant code
    }
    const remember = async () => {
      for (const email of [PATRICIA, KEVIN]) {
        const tokens = await store.getOAuthTokens(email);
        if (tokens) [tokens.accessToken, tokens.refreshToken].forEach((t) => secrets.add(t));
      }
    };
    await remember();

    await client.request({ path: 'Leads', params: { per_page: 1 } });
    await admin(emulator, 'POST', 'tokens/expire', { email: PATRICIA });
    await client.request({ path: 'Leads', params: { per_page: 1 } }); // INVALID_TOKEN → refresh → retry
    await remember();
    const patricia = (await store.getOAuthTokens(PATRICIA))!;
    await client.oauthClient.generateAccessTokenFromRefreshToken(patricia.refreshToken, PATRICIA);
    await remember();

    // A server echoing the token and the secret back in an error body and a header-like message.
    await addFault(emulator, {
      path: '/crm/v2/Leads',
      times: 1,
      status: 400,
      body: {
        code: 'INVALID_DATA',
        message: `bad Zoho-oauthtoken ${patricia.accessToken} ${emulator.clientSecret}`,
        details: { token: patricia.refreshToken },
        status: 'error',
      },
    });
    await capture(client.request({ path: 'Leads', retryable: false }));
    await addFault(emulator, {
      path: '/oauth/v2/token',
      times: 1,
      status: 500,
      body: `refresh_token=${patricia.refreshToken}`,
    });
    await capture(client.oauthClient.generateAccessTokenFromRefreshToken(patricia.refreshToken, PATRICIA));
    const wrongSecret = new ZCRMRestClient(
      emulatorConfig(emulator, { clientSecret: 'another-secret-0f9e8d', applicationLogFilePath: logDir }),
    );
    secrets.add('another-secret-0f9e8d');
    await capture(
      wrongSecret.oauthClient.generateAccessTokenFromRefreshToken(patricia.refreshToken, PATRICIA),
    );

    // Failures without a response: the HTTP client's error (with headers and form body) must not leak via `cause`.
    const offline = new ZCRMRestClient(
      emulatorConfig(emulator, { accountsUrl: 'http://127.0.0.1:9', applicationLogFilePath: logDir }),
    );
    await capture(offline.oauthClient.generateAccessTokenFromRefreshToken(patricia.refreshToken, PATRICIA));
    await addFault(emulator, { path: '/crm/v2/Leads', times: 1, drop: true });
    await capture(client.request({ path: 'Leads', retryable: false }));
    expect(errors.filter((e) => e.cause !== undefined).length).toBeGreaterThanOrEqual(2);
    await offline.close();

    await client.oauthClient.revokeRefreshToken(KEVIN);
    await capture(ZCRMRestClient.runAs(KEVIN, () => client.request({ path: 'Leads' })));
    await capture(
      client.oauthClient.generateAccessTokenFromRefreshToken(
        [...secrets].find((s) => s.startsWith('1000.'))!,
        KEVIN,
      ),
    );
    await Promise.all([client.close(), wrongSecret.close()]);
  });

  it('keeps every secret out of the log file', () => {
    const log = readFileSync(join(logDir, 'client_library.log'), 'utf8');
    expect(log).toMatch(
      /POST http:\/\/127\.0\.0\.1:\d+\/oauth\/v2\/token grant_type=authorization_code -> 200/,
    );
    expect(log).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/crm\/v2\/Leads\?per_page=1 -> 200/);
    expect(log).toMatch(/INVALID_TOKEN/);
    expect(secrets.size).toBeGreaterThanOrEqual(9);
    for (const secret of secrets) expect(log).not.toContain(secret);
  });

  it('keeps every secret out of every error field', () => {
    expect(errors.length).toBeGreaterThanOrEqual(6);
    for (const error of errors) {
      const text = [
        error.message,
        error.errorMessage,
        JSON.stringify(error.errorDetails),
        JSON.stringify(error.errorContent),
        error.url,
        String(error),
        error.stack,
        inspect(error, { depth: 10 }),
      ].join('\n');
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});
