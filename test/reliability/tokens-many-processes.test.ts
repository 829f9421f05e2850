import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { createTokenStore } from '../../src/auth/stores/create-token-store';
import { resolveConfig, ConfigInput } from '../../src/config/resolve-config';
import { ALL_SCOPES } from '../support/emulator';
import { admin, emulatorConfig, PRIYA, tokenRequests } from '../support/sdk';
import { describeDb, DbTarget } from '../support/db';
import { TokenWorkers } from './support/token-processes';

/**
 * 4 and 8 OS processes share one user's token row in each kind of shared store. The emulator's clock is moved
 * past the access token's expiry (the processes still believe it valid), so every process's next calls are
 * rejected with INVALID_TOKEN at once: across all of them Zoho must see exactly one refresh per expiry, and the
 * row must come back whole.
 */
const EXPIRIES = 2;
const CALLS_PER_ROUND = 4;
const dir = mkdtempSync(join(tmpdir(), 'zcrm-many-'));

function sharedRowSuite(storeConfig: () => Record<string, unknown>): void {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
    // Room for every process's calls at once: this suite is about tokens, not the org's limits.
    await admin(emulator, 'PUT', 'limits', { concurrency: 1000, creditsPerDay: 10_000_000 });
  });
  afterAll(() => emulator.stop());

  for (const processes of [4, 8]) {
    it(`${processes} processes refresh once per expiry and keep the row whole`, async () => {
      const config = emulatorConfig(emulator, {
        tokenStore: undefined,
        currentUserEmail: PRIYA,
        ...storeConfig(),
      }) as ConfigInput;
      const parent = new ZCRMRestClient(config);
      await parent.oauthClient.generateAccessToken(
        await emulator.issueGrantToken({ scope: ALL_SCOPES, email: PRIYA }),
      );
      const granted = await parent.oauthClient.getAccessToken(PRIYA);
      await parent.close();

      const workers = await TokenWorkers.start(processes, config);
      try {
        let previous = granted;
        for (let expiry = 1; expiry <= EXPIRIES; expiry++) {
          emulator.advanceClock(3700);
          await admin(emulator, 'DELETE', 'requests');
          const results = await workers.round(CALLS_PER_ROUND);
          expect(results.flatMap((r) => r.errors)).toEqual([]);
          expect(results.reduce((sum, r) => sum + r.ok, 0)).toBe(processes * CALLS_PER_ROUND);
          expect(await tokenRequests(emulator)).toBe(1);
          const tokens = new Set(results.map((r) => r.token));
          expect(tokens.size).toBe(1);
          expect(tokens.has(previous)).toBe(false);
          previous = results[0].token;
        }

        const store = createTokenStore(resolveConfig(config).tokenStore);
        const row = await store.getOAuthTokens(PRIYA);
        await store.close?.();
        expect(row).toEqual({
          userEmail: PRIYA,
          accessToken: previous,
          refreshToken: expect.stringMatching(/^1000\.\w+\.\w+$/),
          expiryTime: expect.any(Number),
        });
        expect(row!.expiryTime).toBeGreaterThan(Date.now());
      } finally {
        await workers.stop();
      }
    }, 120_000);
  }
}

for (const kind of ['mariadb', 'postgres'] as const) {
  describeDb(
    kind,
    `one token row shared by many processes on ${kind}`,
    (target: DbTarget) => sharedRowSuite(() => ({ database: target.options })),
    'zcrm_reliability',
  );
}

describe('one token row shared by many processes in the default SQLite store', () => {
  let n = 0;
  sharedRowSuite(() => ({ database: { type: 'sqlite', path: join(dir, `sqlite-${++n}`, 'tokens.sqlite') } }));
});

describe('one token row shared by many processes in the JSON file store', () => {
  let n = 0;
  sharedRowSuite(() => ({ token_persistence_path: join(dir, `file-${++n}`) }));
});
