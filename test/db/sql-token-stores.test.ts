import { DataSource } from 'typeorm';
import mysql from 'mysql2/promise';
import { Client } from 'pg';
import { join } from 'node:path';
import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import { ZCRMRestClient } from '../../src/api/rest-client';
import { TypeOrmTokenStore } from '../../src/auth/stores/typeorm-token-store';
import { oauthTokenEntity } from '../../src/auth/stores/oauth-token-entity';
import type { ZohoOAuthTokens } from '../../src/config/token-store-contract';
import { ALL_SCOPES } from '../support/emulator';
import { admin, emulatorConfig, PATRICIA, KEVIN, tokenRequests } from '../support/sdk';
import { describeDb, DbTarget } from '../support/db';
import { spawnTs } from '../support/child-processes';

/** Raw SQL on the test server, outside the SDK. */
async function sql(target: DbTarget, statement: string, params: unknown[] = []): Promise<any[]> {
  const o = target.options;
  if (target.kind === 'mariadb') {
    const c = await mysql.createConnection({
      host: o.host,
      port: o.port,
      user: o.username,
      password: o.password,
      database: o.database,
    });
    try {
      const [rows] = await c.query(statement, params);
      return rows as any[];
    } finally {
      await c.end();
    }
  }
  const c = new Client({ host: o.host, port: o.port, user: o.username, database: o.database });
  await c.connect();
  try {
    return (await c.query(statement, params)).rows;
  } finally {
    await c.end();
  }
}

const tokens = (userEmail: string, n: number): ZohoOAuthTokens => ({
  userEmail,
  accessToken: `1000.access${n}`,
  refreshToken: `1000.refresh${n}`,
  expiryTime: 1_900_000_000_000 + n,
});

for (const kind of ['mariadb', 'postgres'] as const) {
  describeDb(kind, `TypeORM token store on ${kind}`, (target) => {
    const seedTarget: DbTarget = { ...target, options: { ...target.options, database: 'zohooauth' } };
    let emulator: RunningEmulator;

    beforeAll(async () => {
      emulator = await startEmulator();
      await sql(target, 'DROP TABLE IF EXISTS oauthtokens');
    });
    afterAll(() => emulator.stop());

    it('creates the table when missing, then gets, saves, updates and deletes rows', async () => {
      const store = TypeOrmTokenStore.fromOptions(target.options);
      expect(await store.getOAuthTokens(PATRICIA)).toBeUndefined();
      await store.saveOAuthTokens(tokens(PATRICIA, 1));
      await store.saveOAuthTokens(tokens(KEVIN, 2));
      await store.saveOAuthTokens(tokens(PATRICIA, 3));
      expect(await store.getOAuthTokens(PATRICIA)).toEqual(tokens(PATRICIA, 3));
      await store.deleteOAuthTokens(KEVIN);
      expect(await store.getOAuthTokens(KEVIN)).toBeUndefined();
      await store.close();
      const rows = await sql(target, 'SELECT useridentifier, expirytime FROM oauthtokens');
      expect(rows.map((r) => [r.useridentifier, Number(r.expirytime)])).toEqual([
        [PATRICIA, 1_900_000_000_003],
      ]);
    });

    it("uses the seed's MySQL/Python table in zohooauth as it is, from the seed's dictionary keys", async () => {
      await sql(seedTarget, 'DROP TABLE IF EXISTS oauthtokens');
      // The table exactly as the seed's README creates it: no primary key.
      await sql(
        seedTarget,
        'create table oauthtokens(useridentifier varchar(100), accesstoken varchar(100), refreshtoken varchar(100), expirytime bigint)',
      );
      const columnsBefore = await columns(seedTarget);
      const code = await emulator.issueGrantToken({ scope: ALL_SCOPES, email: PATRICIA });
      const keys =
        kind === 'mariadb'
          ? { mysql_username: 'root', mysql_password: '', mysql_port: '3306' }
          : { database: { type: 'postgres', username: target.options.username, database: 'zohooauth' } };
      const client = new ZCRMRestClient(
        emulatorConfig(emulator, { tokenStore: undefined, currentUserEmail: PATRICIA, ...keys }),
      );
      await client.oauthClient.generateAccessToken(code);
      expect((await client.request({ path: 'Leads', params: { per_page: 1 } })).status).toBe(200);
      await client.close();
      expect(await columns(seedTarget)).toEqual(columnsBefore);
      const rows = await sql(seedTarget, 'SELECT * FROM oauthtokens');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        useridentifier: PATRICIA,
        accesstoken: expect.stringMatching(/^1000\./),
      });
    });

    it("works in an application's own DataSource", async () => {
      const dataSource = new DataSource({
        type: target.kind,
        host: target.options.host,
        port: target.options.port,
        username: target.options.username,
        password: target.options.password,
        database: target.options.database,
        entities: [oauthTokenEntity()],
      });
      await dataSource.initialize();
      const client = new ZCRMRestClient(
        emulatorConfig(emulator, { tokenStore: undefined, dataSource, currentUserEmail: KEVIN }),
      );
      await client.oauthClient.generateAccessToken(
        await emulator.issueGrantToken({ scope: ALL_SCOPES, email: KEVIN }),
      );
      expect((await client.request({ path: 'Leads', params: { per_page: 1 } })).status).toBe(200);
      await client.close();
      expect(dataSource.isInitialized).toBe(true);
      const viaEntity = await dataSource.getRepository(oauthTokenEntity()).findOneBy({ useridentifier: KEVIN });
      expect(viaEntity?.refreshtoken).toMatch(/^1000\./);
      await dataSource.destroy();
    });

    it('refreshes once for 4 processes that find the token expired at the same moment', async () => {
      const config = emulatorConfig(emulator, {
        tokenStore: undefined,
        database: target.options,
        currentUserEmail: PATRICIA,
        throttle: false,
      });
      const parent = new ZCRMRestClient(config);
      await parent.oauthClient.generateAccessToken(
        await emulator.issueGrantToken({ scope: ALL_SCOPES, email: PATRICIA }),
      );
      const store = TypeOrmTokenStore.fromOptions(target.options);
      const current = (await store.getOAuthTokens(PATRICIA))!;
      await store.saveOAuthTokens({ ...current, expiryTime: Date.now() - 1000 });
      await admin(emulator, 'DELETE', 'requests');

      const children = Array.from({ length: 4 }, () =>
        spawnTs(join(__dirname, 'fixtures/refresh-child.ts'), { ZCRM_CHILD_CONFIG: JSON.stringify(config) }),
      );
      for (const child of children) expect(await child.nextLine()).toBe('ready');
      for (const child of children) child.process.stdin!.write('go\n');
      const results = await Promise.all(children.map(async (child) => JSON.parse(await child.nextLine())));

      expect(results.every((r) => r.ok && r.status === 200)).toBe(true);
      expect(new Set(results.map((r) => r.token)).size).toBe(1);
      expect(results[0].token).not.toBe(current.accessToken);
      expect(await tokenRequests(emulator)).toBe(1);
      expect((await store.getOAuthTokens(PATRICIA))!.accessToken).toBe(results[0].token);
      await store.close();
      await parent.close();
    }, 240_000);
  });
}

async function columns(target: DbTarget): Promise<string[]> {
  const rows =
    target.kind === 'mariadb'
      ? await sql(
          target,
          "SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, COLUMN_KEY AS k FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'oauthtokens' ORDER BY ORDINAL_POSITION",
          [target.options.database],
        )
      : await sql(
          target,
          "SELECT column_name AS name, data_type AS type, '' AS k FROM information_schema.columns WHERE table_name = 'oauthtokens' ORDER BY ordinal_position",
        );
  const keys =
    target.kind === 'postgres'
      ? await sql(target, "SELECT conname FROM pg_constraint WHERE conrelid = 'oauthtokens'::regclass")
      : [];
  return [...rows.map((r) => `${r.name} ${r.type} ${r.k}`), ...keys.map((k) => `constraint ${k.conname}`)];
}
