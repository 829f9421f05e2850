import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMModule } from '../../src/api/entities/zcrm-module';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { FileTokenStore } from '../../src/auth/stores/file-token-store';
import { MemoryTokenStore } from '../../src/auth/stores/memory-token-store';
import { TypeOrmTokenStore } from '../../src/auth/stores/typeorm-token-store';
import type { TokenStore } from '../../src/config/token-store-contract';
import { ZCRMException } from '../../src/errors';
import { ALL_SCOPES } from '../support/emulator';
import { addFault, admin, emulatorConfig, KEVIN, memoryLogger, PATRICIA, PRIYA } from '../support/sdk';
import { bundleEnv, bundleScript } from './support/bundle';

const ROOT = join(__dirname, '../..');

/** `zcrm` from a bundle of the CLI sources (a second per run instead of ts-node's compile). */
function zcrm(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const script = bundleScript(join(ROOT, 'src/cli/main.ts'));
  const inherited = Object.fromEntries(Object.entries(bundleEnv()).filter(([k]) => !k.startsWith('ZCRM_')));
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

/**
 * With a configured logger, every flow that handles a secret (grant exchange, refresh, calls, errors, the CLI's
 * auth and whoami) runs; then every log line, error (message, stack, `util.inspect`), `util.inspect` of the
 * clients, their configuration and token stores, and the CLI's output are searched for each secret value.
 */
describe('no secret in logs, errors, inspected objects or CLI output', () => {
  let emulator: RunningEmulator;
  const dir = mkdtempSync(join(tmpdir(), 'zcrm-secrets-'));
  const logger = memoryLogger();
  const secrets = new Set<string>();
  const haystacks = new Map<string, string>();
  const errors: unknown[] = [];
  const stores: TokenStore[] = [];
  const clients: ZCRMRestClient[] = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    secrets.add(emulator.clientSecret);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await emulator.stop();
  });

  const capture = async (work: Promise<unknown>) => {
    try {
      await work;
      errors.push(new Error('expected a failure'));
    } catch (err) {
      errors.push(err);
    }
  };
  const rememberTokens = async () => {
    for (const store of stores)
      for (const email of [PATRICIA, KEVIN, PRIYA]) {
        const tokens = await store.getOAuthTokens(email);
        if (tokens) [tokens.accessToken, tokens.refreshToken].forEach((t) => secrets.add(t));
      }
  };
  const grant = async (email: string) => {
    const code = await emulator.issueGrantToken({ scope: ALL_SCOPES, email });
    secrets.add(code);
    return code;
  };

  it('runs the SDK flows with the configured logger', async () => {
    const memory = new MemoryTokenStore();
    const file = new FileTokenStore(join(dir, 'file-store'));
    const sqlite = TypeOrmTokenStore.fromOptions({
      type: 'sqlite',
      database: 'main',
      path: join(dir, 't.sqlite'),
    });
    stores.push(memory, file, sqlite);
    const sdkClients = [memory, file, sqlite].map(
      (tokenStore) =>
        new ZCRMRestClient(emulatorConfig(emulator, { tokenStore, logger, currentUserEmail: PATRICIA })),
    );
    clients.push(...sdkClients);
    for (const client of sdkClients) {
      for (const email of [PATRICIA, KEVIN]) {
        const code = await grant(email);
        await client.oauthClient.generateAccessToken(code);
        await capture(client.oauthClient.generateAccessToken(code)); // a used grant code
      }
    }
    await rememberTokens();

    const [client, fileClient, sqliteClient] = sdkClients;
    const leads = ZCRMModule.getInstance('Leads', client);
    const id = (await leads.getRecords({ perPage: 2 })).data[0].entityId!;
    await leads.getRecord(id);
    const lead = ZCRMRecord.getInstance('Leads', undefined, client);
    lead.setFieldValue('Last_Name', 'Secretless');
    await lead.create();
    await capture(leads.getRecord('0')); // 204 → not an error; then a real error below
    errors.pop();

    // Every access token expires at Zoho: INVALID_TOKEN → refresh → retry, on every store.
    emulator.advanceClock(3700);
    for (const c of sdkClients) await c.request({ path: 'Leads', params: { per_page: 1 } });
    await rememberTokens();
    const patricia = (await memory.getOAuthTokens(PATRICIA))!;
    await client.oauthClient.generateAccessTokenFromRefreshToken(patricia.refreshToken, PATRICIA);
    await rememberTokens();

    // Zoho echoing the token and the secret back, in an API error and an Accounts error.
    const current = (await memory.getOAuthTokens(PATRICIA))!;
    await addFault(emulator, {
      path: '/crm/v2/Leads',
      times: 1,
      status: 400,
      body: {
        code: 'INVALID_DATA',
        message: `bad Zoho-oauthtoken ${current.accessToken} for ${emulator.clientSecret}`,
        details: { refresh: current.refreshToken },
        status: 'error',
      },
    });
    await capture(leads.getRecords());
    await addFault(emulator, {
      path: '/oauth/v2/token',
      times: 1,
      status: 500,
      body: `refresh_token=${current.refreshToken}&client_secret=${emulator.clientSecret}`,
    });
    await capture(fileClient.oauthClient.generateAccessTokenFromRefreshToken(current.refreshToken, PATRICIA));
    const wrongSecret = new ZCRMRestClient(
      emulatorConfig(emulator, { clientSecret: 'wrong-secret-4a5b6c7d', logger, tokenStore: memory }),
    );
    clients.push(wrongSecret);
    secrets.add('wrong-secret-4a5b6c7d');
    await capture(
      wrongSecret.oauthClient.generateAccessTokenFromRefreshToken(current.refreshToken, PATRICIA),
    );
    await sqliteClient.oauthClient.revokeRefreshToken(KEVIN);
    await capture(ZCRMRestClient.runAs(KEVIN, () => sqliteClient.request({ path: 'Leads' })));
    await addFault(emulator, { path: '/crm/v2/Leads', times: 1, drop: true });
    await capture(client.request({ path: 'Leads', retryable: false }));

    haystacks.set('log lines', logger.lines.join('\n'));
    for (const [i, c] of clients.entries()) {
      haystacks.set(`inspect(client ${i})`, inspect(c, { depth: 12 }));
      haystacks.set(`inspect(client ${i}.config)`, inspect(c.config, { depth: 12 }));
      haystacks.set(`inspect(client ${i}.oauthClient)`, inspect(c.oauthClient, { depth: 12 }));
      haystacks.set(`console format of client ${i}`, `${inspect(c, { showHidden: true, depth: 6 })}`);
    }
    for (const [i, store] of stores.entries())
      haystacks.set(`inspect(store ${i})`, inspect(store, { depth: 12 }));
    for (const [i, err] of errors.entries()) {
      const e = err as ZCRMException;
      haystacks.set(
        `error ${i}`,
        [String(e), e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 12, showHidden: true })].join(
          '\n',
        ),
      );
    }
    expect(errors.length).toBeGreaterThanOrEqual(11);
    expect(errors.every((e) => e instanceof ZCRMException)).toBe(true);
  }, 60_000);

  it('runs the CLI: auth grant, auth refresh, whoami, and their failures', async () => {
    const env = {
      ZCRM_CLIENT_ID: emulator.clientId,
      ZCRM_CLIENT_SECRET: emulator.clientSecret,
      ZCRM_ACCOUNTS_URL: emulator.url,
      ZCRM_API_BASE_URL: emulator.url,
      ZCRM_TOKEN_STORE: `file:${join(dir, 'cli-store')}`,
      ZCRM_USER_EMAIL: PRIYA,
    };
    const cliStore = new FileTokenStore(join(dir, 'cli-store'));
    stores.push(cliStore);
    const code = await grant(PRIYA);
    const runs = [await zcrm(['auth', 'grant', code], env)];
    await rememberTokens();
    const priya = (await cliStore.getOAuthTokens(PRIYA))!;
    runs.push(
      await zcrm(['auth', 'grant', code], env), // used code
      await zcrm(['auth', 'refresh', priya.refreshToken, '--user', PRIYA], env),
      await zcrm(['whoami'], env),
      await zcrm(['whoami', '--json'], env),
      await zcrm(['auth', 'refresh', priya.refreshToken], {
        ...env,
        ZCRM_CLIENT_SECRET: 'wrong-cli-secret-9f8e',
      }),
    );
    secrets.add('wrong-cli-secret-9f8e');
    await rememberTokens();
    await admin(emulator, 'POST', 'tokens/expire', { email: PRIYA });
    await addFault(emulator, {
      path: '/oauth/v2/token',
      times: 1,
      status: 400,
      body: { error: 'invalid_code' },
    });
    runs.push(await zcrm(['whoami'], env)); // expired token, refresh refused
    expect(runs.map((r) => r.code)).toEqual([0, 1, 0, 0, 0, 1, 1]);
    for (const [i, run] of runs.entries()) haystacks.set(`CLI run ${i}`, run.output);
  }, 120_000);

  it('finds none of the secrets anywhere', () => {
    expect(secrets.size).toBeGreaterThanOrEqual(20);
    expect(haystacks.get('log lines')).toMatch(/Refreshed the access token/);
    expect(haystacks.get('inspect(store 0)')).toMatch(/accessToken: '\*\*\*'/);
    const leaks: string[] = [];
    for (const [where, text] of haystacks)
      for (const secret of secrets) if (text.includes(secret)) leaks.push(`${where}: ${secret.slice(0, 9)}…`);
    expect(leaks).toEqual([]);
  });
});
