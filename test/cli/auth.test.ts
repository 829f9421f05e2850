/**
 * `zcrm auth grant`, `zcrm auth refresh` and `zcrm whoami` as separate processes against an emulator over HTTP:
 * the self-client flow of the seed README, tokens kept in the configured store, secrets never printed.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startEmulator, RunningEmulator } from '../../src/emulator';
import { TypeOrmTokenStore } from '../../src/auth/stores/typeorm-token-store';
import { KEVIN, PATRICIA } from '../support/sdk';
import { emulatorEnv, expectNoSecrets, fileTokens, grantCode, runCli } from './cli-support';

jest.setTimeout(120_000);

describe('zcrm auth and whoami', () => {
  let emulator: RunningEmulator;
  let dir: string;
  beforeAll(async () => {
    emulator = await startEmulator();
    dir = mkdtempSync(path.join(tmpdir(), 'zcrm-cli-auth-'));
  });
  afterAll(async () => {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('auth grant stores the tokens under the grant’s user; whoami reads the current user with them', async () => {
    const store = path.join(dir, 'file-store');
    const env = emulatorEnv(emulator, `file:${store}`);
    const code = await grantCode(emulator, PATRICIA);

    const grant = await runCli(['auth', 'grant', code], { env });
    expect(grant.stderr).toBe('');
    expect(grant.code).toBe(0);
    expect(grant.stdout).toBe(
      `Stored tokens for ${PATRICIA} in file ${path.join(store, 'zcrm_oauthtokens.json')}\n`,
    );
    const tokens = fileTokens(store)[PATRICIA];
    expect(tokens.accessToken).toMatch(/^1000\./);
    expect(tokens.refreshToken).toMatch(/^1000\./);
    expectNoSecrets(grant, [code, tokens.accessToken, tokens.refreshToken, emulator.clientSecret]);

    const whoami = await runCli(['whoami'], { env: { ...env, ZCRM_USER_EMAIL: PATRICIA } });
    expect(whoami.code).toBe(0);
    expect(whoami.stdout).toMatch(new RegExp(`^Patricia Boyle <${PATRICIA.replace('.', '\\.')}>\\n`));
    expect(whoami.stdout).toMatch(/\nid: +\d+\n/);
    expect(whoami.stdout).toMatch(/\nprofile: +Administrator\n/);
    expectNoSecrets(whoami, [tokens.accessToken, tokens.refreshToken, emulator.clientSecret]);

    const json = await runCli(['whoami', '--json', '--user', PATRICIA], { env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(
      expect.objectContaining({ email: PATRICIA, name: 'Patricia Boyle', apiBaseUrl: emulator.url }),
    );
  });

  it('auth refresh stores a refresh token for the user given with --user; the grant code is single-use', async () => {
    const store = path.join(dir, 'refresh-store');
    const env = emulatorEnv(emulator, `file:${store}`);
    // A refresh token obtained elsewhere (the README's POST to /oauth/v2/token), as a user would paste it.
    const code = await grantCode(emulator, KEVIN);
    const res = await fetch(`${emulator.url}/oauth/v2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: emulator.clientId,
        client_secret: emulator.clientSecret,
        code,
      }),
    });
    const { refresh_token: refreshToken } = (await res.json()) as { refresh_token: string };

    const refresh = await runCli(['auth', 'refresh', refreshToken, '--user', KEVIN], { env });
    expect(refresh.stderr).toBe('');
    expect(refresh.code).toBe(0);
    expect(refresh.stdout).toContain(`Stored tokens for ${KEVIN} in file `);
    const stored = fileTokens(store)[KEVIN];
    expect(stored.refreshToken).toBe(refreshToken);
    expectNoSecrets(refresh, [refreshToken, stored.accessToken, emulator.clientSecret]);

    const whoami = await runCli(['whoami', '--json', '--user', KEVIN], { env });
    expect(JSON.parse(whoami.stdout)).toEqual(expect.objectContaining({ email: KEVIN }));

    // Used already: Zoho answers invalid_code. Exit 1, the code itself is not echoed.
    const again = await runCli(['auth', 'grant', code], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^zcrm: INVALID_GRANT_TOKEN: .*single-use/);
    expect(again.stdout).toBe('');
    expectNoSecrets(again, [code, emulator.clientSecret]);
  });

  it('after auth grant for one user, whoami acts as that user without --user; with two it asks', async () => {
    const store = path.join(dir, 'one-user-store');
    const env = emulatorEnv(emulator, `file:${store}`);
    expect((await runCli(['auth', 'grant', await grantCode(emulator, PATRICIA)], { env })).code).toBe(0);
    const whoami = await runCli(['whoami', '--json'], { env });
    expect(whoami.stderr).toBe('');
    expect(JSON.parse(whoami.stdout)).toEqual(expect.objectContaining({ email: PATRICIA }));

    expect((await runCli(['auth', 'grant', await grantCode(emulator, KEVIN)], { env })).code).toBe(0);
    const ambiguous = await runCli(['whoami'], { env });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/no user to act as: .*one user only in the token store/);
  });

  it('auth refresh without --user, and whoami without a user, are usage errors (exit 2)', async () => {
    const env = emulatorEnv(emulator, `file:${path.join(dir, 'unused')}`);
    const refresh = await runCli(['auth', 'refresh', '1000.abc.def'], { env });
    expect(refresh.code).toBe(2);
    expect(refresh.stderr).toMatch(/no user to act as: pass --user EMAIL, set ZCRM_USER_EMAIL/);
    const whoami = await runCli(['whoami'], { env });
    expect(whoami.code).toBe(2);
    expect(whoami.stderr).toMatch(/no user to act as/);
    expect(existsSync(path.join(dir, 'unused'))).toBe(false);
  });

  it('keeps tokens in ./.zcrm/tokens.sqlite when no store is configured', async () => {
    const cwd = mkdtempSync(path.join(dir, 'project-'));
    const env = emulatorEnv(emulator, '');
    delete env.ZCRM_TOKEN_STORE;
    const grant = await runCli(['auth', 'grant', await grantCode(emulator, PATRICIA)], { env, cwd });
    const file = path.join(cwd, '.zcrm', 'tokens.sqlite');
    expect(grant.stdout).toBe(`Stored tokens for ${PATRICIA} in SQLite ${file}\n`);
    expect(grant.code).toBe(0);
    const store = TypeOrmTokenStore.fromOptions({ type: 'sqlite', path: file, database: 'main' });
    try {
      const tokens = await store.getOAuthTokens(PATRICIA);
      expect(tokens?.accessToken).toMatch(/^1000\./);
      expectNoSecrets(grant, [tokens?.accessToken, tokens?.refreshToken]);
    } finally {
      await store.close?.();
    }
    const whoami = await runCli(['whoami', '--user', PATRICIA], { env, cwd });
    expect(whoami.code).toBe(0);
    expect(whoami.stdout).toContain(`<${PATRICIA}>`);
  });

  it('reads zcrm.config.json (seed keys) under environment variables, which give way to flags', async () => {
    const cwd = mkdtempSync(path.join(dir, 'configured-'));
    const store = path.join(cwd, 'tokens');
    writeFileSync(
      path.join(cwd, 'zcrm.config.json'),
      JSON.stringify({
        client_id: emulator.clientId,
        client_secret: 'wrong-secret-from-the-file',
        accounts_url: emulator.url,
        apiBaseUrl: emulator.url,
        token_persistence_path: store,
        currentUserEmail: KEVIN,
      }),
    );
    // The file's secret is wrong: the exchange fails (exit 1) and the secret is not shown.
    const fileOnly = await runCli(['auth', 'grant', await grantCode(emulator, PATRICIA)], { cwd });
    expect(fileOnly.code).toBe(1);
    expect(fileOnly.stderr).toMatch(/^zcrm: /);
    expectNoSecrets(fileOnly, ['wrong-secret-from-the-file']);

    // The environment's secret replaces it; the file's store and user still apply.
    const env = { ZCRM_CLIENT_SECRET: emulator.clientSecret };
    const grant = await runCli(['auth', 'grant', await grantCode(emulator, PATRICIA)], { env, cwd });
    expect(grant.code).toBe(0);
    expect(Object.keys(fileTokens(store))).toEqual([PATRICIA]);
    const asKevin = await runCli(['whoami', '--json'], { env, cwd });
    // The file names Kevin, who has no tokens in this store yet.
    expect(asKevin.code).toBe(1);
    expect(asKevin.stderr).toMatch(new RegExp(`zcrm: .*${KEVIN.replace('.', '\\.')}`));

    // A flag beats the environment and the file.
    const asPatricia = await runCli(['whoami', '--json', '--user', PATRICIA], {
      env: { ...env, ZCRM_USER_EMAIL: KEVIN },
      cwd,
    });
    expect(asPatricia.code).toBe(0);
    expect(JSON.parse(asPatricia.stdout).email).toBe(PATRICIA);
    expectNoSecrets(asPatricia, [emulator.clientSecret, 'wrong-secret-from-the-file']);
  });

  it('configuration mistakes exit 2 and name the key and where it was set, never its value', async () => {
    const missing = await runCli(['whoami'], { env: { ZCRM_CLIENT_SECRET: 'top-secret-value-1' } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'zcrm: The configuration key "client_id" (or "clientId") is required: set it with --client-id, ' +
        'ZCRM_CLIENT_ID, "client_id" in zcrm.config.json\n',
    );

    const badUrl = await runCli(['whoami', '--user', PATRICIA, '--api-base-url', 'http://example.com'], {
      env: { ZCRM_CLIENT_ID: 'id', ZCRM_CLIENT_SECRET: 'top-secret-value-2' },
    });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/"apiBaseUrl" must be an https:\/\/ URL.*\(set by --api-base-url\)/);

    const badStore = await runCli(['whoami', '--user', PATRICIA], {
      env: { ZCRM_CLIENT_ID: 'id', ZCRM_CLIENT_SECRET: 'top-secret-value-3', ZCRM_TOKEN_STORE: 'redis://x' },
    });
    expect(badStore.code).toBe(2);
    expect(badStore.stderr).toMatch(/ZCRM_TOKEN_STORE must be memory, sqlite, sqlite:FILE, file:DIRECTORY/);

    const badUser = await runCli(['whoami', '--user', 'not-an-email'], {
      env: { ZCRM_CLIENT_ID: 'id', ZCRM_CLIENT_SECRET: 'top-secret-value-4' },
    });
    expect(badUser.code).toBe(2);
    expect(badUser.stderr).toMatch(/"currentUserEmail" must be an email address \(set by --user\)/);
    for (const [i, run] of [missing, badUrl, badStore, badUser].entries()) {
      expectNoSecrets(run, [`top-secret-value-${i + 1}`]);
    }

    const noFile = await runCli(['whoami', '--config', 'no/such.json'], {});
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toBe('zcrm: config file not found: no/such.json\n');
  });
});
