import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { FileTokenStore, TOKEN_FILE_NAME } from '../../src/auth/stores/file-token-store';
import { TypeOrmTokenStore } from '../../src/auth/stores/typeorm-token-store';
import { ConfigurationException } from '../../src/errors';
import type { ZohoOAuthTokens } from '../../src/config/token-store-contract';
import { ALL_SCOPES } from '../support/emulator';
import { emulatorConfig, KEVIN, PATRICIA, tokenRequests, admin } from '../support/sdk';

const tokensFor = (userEmail: string, n = 0): ZohoOAuthTokens => ({
  userEmail,
  accessToken: `1000.${'a'.repeat(31)}${n % 10}.${'b'.repeat(32)}`,
  refreshToken: `1000.${'c'.repeat(32)}.${'d'.repeat(32)}`,
  expiryTime: 1_900_000_000_000 + n,
});

describe('token stores', () => {
  let emulator: RunningEmulator;
  const dir = mkdtempSync(join(tmpdir(), 'zcrm-stores-'));

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.stop());

  /** Authorises with a first client, then checks that a second client (a restarted process) reuses the tokens. */
  async function persistsAcrossClients(overrides: Record<string, unknown>): Promise<void> {
    const first = new ZCRMRestClient(emulatorConfig(emulator, { currentUserEmail: KEVIN, ...overrides }));
    await first.oauthClient.generateAccessToken(
      await emulator.issueGrantToken({ scope: ALL_SCOPES, email: KEVIN }),
    );
    const token = await first.oauthClient.getAccessToken(KEVIN);
    await first.close();
    const second = new ZCRMRestClient(emulatorConfig(emulator, { currentUserEmail: KEVIN, ...overrides }));
    await admin(emulator, 'DELETE', 'requests');
    expect(await second.oauthClient.getAccessToken(KEVIN)).toBe(token);
    expect((await second.request({ path: 'Leads', params: { per_page: 1 } })).status).toBe(200);
    expect(await tokenRequests(emulator)).toBe(0);
    await second.close();
  }

  describe('file store', () => {
    it('persists tokens as JSON with mode 0600', async () => {
      const directory = join(dir, 'file-basic');
      await persistsAcrossClients({ tokenStore: undefined, token_persistence_path: directory });
      const file = join(directory, TOKEN_FILE_NAME);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(file, 'utf8')).tokens[KEVIN]).toMatchObject({
        userEmail: KEVIN,
        expiryTime: expect.any(Number),
      });
    });

    it('loses no update under concurrent writers (several store instances)', async () => {
      const directory = join(dir, 'file-concurrent');
      const stores = Array.from({ length: 4 }, () => new FileTokenStore(directory));
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          stores[i % 4].saveOAuthTokens(tokensFor(`user${i}@zylker.com`, i)),
        ),
      );
      const saved = JSON.parse(readFileSync(join(directory, TOKEN_FILE_NAME), 'utf8')).tokens;
      expect(Object.keys(saved)).toHaveLength(40);
      await stores[0].deleteOAuthTokens('user3@zylker.com');
      expect(await stores[1].getOAuthTokens('user3@zylker.com')).toBeUndefined();
      expect(await stores[1].getOAuthTokens('user4@zylker.com')).toEqual(tokensFor('user4@zylker.com', 4));
    });

    it('loses no update under concurrent writers in other processes', async () => {
      const directory = join(dir, 'file-processes');
      const script = `
        const { FileTokenStore } = require(${JSON.stringify(require.resolve('../../src/auth/stores/file-token-store'))});
        const store = new FileTokenStore(${JSON.stringify(directory)});
        const id = process.argv[1];
        Promise.all(Array.from({ length: 10 }, (_, i) => store.saveOAuthTokens({ userEmail: 'p' + id + '-' + i + '@zylker.com', accessToken: 'a', refreshToken: 'r', expiryTime: i })))
          .then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });`;
      const run = promisify(execFile);
      await Promise.all(
        ['1', '2', '3'].map((id) =>
          run(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script, id], {
            cwd: join(__dirname, '../..'),
          }),
        ),
      );
      const saved = JSON.parse(readFileSync(join(directory, TOKEN_FILE_NAME), 'utf8')).tokens;
      expect(Object.keys(saved)).toHaveLength(30);
    }, 120_000);

    it('throws instead of silently not saving when the file cannot be written', async () => {
      const blocker = join(dir, 'not-a-directory');
      writeFileSync(blocker, 'x');
      await expect(
        new FileTokenStore(join(blocker, 'sub')).saveOAuthTokens(tokensFor(KEVIN)),
      ).rejects.toMatchObject({ errorCode: 'TOKEN_STORE_ERROR' });
      const corrupt = join(dir, 'corrupt');
      await new FileTokenStore(corrupt).saveOAuthTokens(tokensFor(KEVIN));
      writeFileSync(join(corrupt, TOKEN_FILE_NAME), '{not json');
      await expect(new FileTokenStore(corrupt).getOAuthTokens(KEVIN)).rejects.toThrow(
        /Could not parse the token file/,
      );
    });
  });

  describe('SQLite store (TypeORM)', () => {
    it('is the default: a file created on first use, with the seed table', async () => {
      const path = join(dir, 'sqlite-default', 'tokens.sqlite');
      await persistsAcrossClients({ tokenStore: undefined, database: { type: 'sqlite', path } });
      const db = new Database(path, { readonly: true });
      const columns = db.prepare('PRAGMA table_info(oauthtokens)').all() as Array<{
        name: string;
        type: string;
      }>;
      expect(columns.map((c) => `${c.name} ${c.type}`.toLowerCase())).toEqual([
        'useridentifier varchar(100)',
        'accesstoken varchar(100)',
        'refreshtoken varchar(100)',
        'expirytime bigint',
      ]);
      expect(db.prepare('SELECT useridentifier FROM oauthtokens').all()).toEqual([{ useridentifier: KEVIN }]);
      db.close();
    });

    it('uses an existing table as it is (no synchronize), e.g. one made by the Python SDK', async () => {
      const path = join(dir, 'sqlite-existing.sqlite');
      const db = new Database(path);
      db.exec(
        'create table oauthtokens(useridentifier varchar(100), accesstoken varchar(100), refreshtoken varchar(100), expirytime bigint, note text)',
      );
      db.prepare('insert into oauthtokens values (?, ?, ?, ?, ?)').run(
        PATRICIA,
        'old',
        'python-refresh',
        5,
        'kept',
      );
      const store = TypeOrmTokenStore.fromOptions({ type: 'sqlite', path, database: 'main' });
      expect(await store.getOAuthTokens(PATRICIA)).toEqual({
        userEmail: PATRICIA,
        accessToken: 'old',
        refreshToken: 'python-refresh',
        expiryTime: 5,
      });
      await store.saveOAuthTokens(tokensFor(PATRICIA, 7));
      await store.saveOAuthTokens(tokensFor(KEVIN, 8));
      await store.close();
      expect(db.prepare('PRAGMA table_info(oauthtokens)').all()).toHaveLength(5);
      expect(db.prepare('select * from oauthtokens order by useridentifier').all()).toEqual([
        {
          useridentifier: KEVIN,
          accesstoken: tokensFor(KEVIN, 8).accessToken,
          refreshtoken: tokensFor(KEVIN).refreshToken,
          expirytime: 1_900_000_000_008,
          note: null,
        },
        {
          useridentifier: PATRICIA,
          accesstoken: tokensFor(PATRICIA, 7).accessToken,
          refreshtoken: tokensFor(PATRICIA).refreshToken,
          expirytime: 1_900_000_000_007,
          note: 'kept',
        },
      ]);
      db.close();
    });

    it('serialises concurrent updates of one process on its single connection', async () => {
      const store = TypeOrmTokenStore.fromOptions({
        type: 'sqlite',
        path: join(dir, 'sqlite-concurrent.sqlite'),
        database: 'main',
      });
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => store.saveOAuthTokens(tokensFor(`u${i % 5}@zylker.com`, i))),
      );
      // Each user's row is exactly one of the writes made for that user: whole, not a mix of two.
      for (let u = 0; u < 5; u++) {
        const email = `u${u}@zylker.com`;
        const writes = Array.from({ length: 6 }, (_, k) => tokensFor(email, u + 5 * k));
        expect(writes).toContainEqual(await store.getOAuthTokens(email));
      }
      // Read-modify-write updates that overlap: none is lost (each sees the one before it).
      const base = (await store.getOAuthTokens('u1@zylker.com'))!;
      await Promise.all(
        Array.from({ length: 20 }, () =>
          store.updateOAuthTokens('u1@zylker.com', async (current) => ({
            ...current!,
            expiryTime: current!.expiryTime + 1,
          })),
        ),
      );
      expect(await store.getOAuthTokens('u1@zylker.com')).toEqual({
        ...base,
        expiryTime: base.expiryTime + 20,
      });
      await store.deleteOAuthTokens('u0@zylker.com');
      expect(await store.getOAuthTokens('u0@zylker.com')).toBeUndefined();
      await store.close();
    });
  });

  describe('custom store', () => {
    const modulePath = join(dir, 'my-store.js');
    writeFileSync(
      modulePath,
      `const rows = new Map();
       class MyStore {
         async getOAuthTokens(email) { return rows.get(email) ?? null; }
         async saveOAuthTokens(tokens) { rows.set(tokens.userEmail, { ...tokens, expiryTime: String(tokens.expiryTime) }); }
         async deleteOAuthTokens(email) { rows.delete(email); }
       }
       module.exports = { MyStore, default: MyStore, NotAStore: class {} };`,
    );

    it('is loaded from persistence_handler_path / persistence_handler_class', async () => {
      await persistsAcrossClients({
        tokenStore: undefined,
        persistence_handler_path: modulePath,
        persistence_handler_class: 'MyStore',
      });
      await persistsAcrossClients({ tokenStore: undefined, persistence_handler_path: modulePath });
    });

    it('names the key when the module or class is wrong', () => {
      const make = (extra: Record<string, unknown>) => () =>
        new ZCRMRestClient(emulatorConfig(emulator, { tokenStore: undefined, ...extra }));
      expect(() => {
        try {
          make({ persistence_handler_path: join(dir, 'missing.js') })();
        } catch (err) {
          expect(err).toBeInstanceOf(ConfigurationException);
          throw err;
        }
      }).toThrow();
      expect(make({ persistence_handler_path: join(dir, 'missing.js') })).toThrow(/persistence_handler_path/);
      expect(make({ persistence_handler_path: modulePath, persistence_handler_class: 'Nope' })).toThrow(
        /persistence_handler_class/,
      );
      expect(make({ persistence_handler_path: modulePath, persistence_handler_class: 'NotAStore' })).toThrow(
        /getOAuthTokens, saveOAuthTokens and deleteOAuthTokens/,
      );
    });
  });

  describe('memory store', () => {
    it('keeps tokens per client', async () => {
      const client = new ZCRMRestClient(emulatorConfig(emulator, { currentUserEmail: PATRICIA }));
      await client.oauthClient.generateAccessToken(
        await emulator.issueGrantToken({ scope: ALL_SCOPES, email: PATRICIA }),
      );
      expect((await client.request({ path: 'Leads', params: { per_page: 1 } })).status).toBe(200);
      const other = new ZCRMRestClient(emulatorConfig(emulator, { currentUserEmail: PATRICIA }));
      await expect(other.oauthClient.getAccessToken(PATRICIA)).rejects.toMatchObject({
        errorCode: 'NO_TOKENS',
      });
      await Promise.all([client.close(), other.close()]);
    });
  });
});
