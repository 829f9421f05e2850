import { spawnSync } from 'node:child_process';
import type { DatabaseOptions } from '../../src/config/client-config';

/** The database servers the DB tests run against. */
export type DbKind = 'mariadb' | 'postgres';

/** Connection options for one test database, and whether it could be reached. */
export interface DbTarget {
  kind: DbKind;
  options: DatabaseOptions & { database: string };
  available: boolean;
  reason?: string;
}

/** Server ports; overridable for machines that run them elsewhere. */
const PORTS: Record<DbKind, number> = {
  mariadb: Number(process.env.ZCRM_TEST_MARIADB_PORT ?? 3306),
  postgres: Number(process.env.ZCRM_TEST_POSTGRES_PORT ?? 5432),
};

/** Databases the tests use; created when missing (the reliability suite has its own, so no other suite drops its table mid-run). */
export const TEST_DATABASES = ['zohooauth', 'zcrm_test', 'zcrm_reliability'];

const PROBES: Record<DbKind, string> = {
  mariadb: `
    const mysql = require('mysql2/promise');
    (async () => {
      const c = await mysql.createConnection({ host: '127.0.0.1', port: ${PORTS.mariadb}, user: 'root', password: '', connectTimeout: 3000 });
      for (const db of ${JSON.stringify(TEST_DATABASES)}) await c.query('CREATE DATABASE IF NOT EXISTS ' + db);
      await c.end();
      console.log(JSON.stringify({ user: 'root' }));
    })().catch((e) => { console.log(JSON.stringify({ error: e.message || e.code || String(e) })); });`,
  postgres: `
    const { Client } = require('pg');
    (async () => {
      let lastError;
      for (const user of ['postgres', 'root']) {
        const c = new Client({ host: '127.0.0.1', port: ${PORTS.postgres}, user, database: 'postgres', connectionTimeoutMillis: 3000 });
        try {
          await c.connect();
          for (const db of ${JSON.stringify(TEST_DATABASES)}) {
            const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
            if (found.rowCount === 0) await c.query('CREATE DATABASE ' + db).catch((e) => { if (e.code !== '42P04') throw e; });
          }
          await c.end();
          console.log(JSON.stringify({ user }));
          return;
        } catch (e) { lastError = e; await c.end().catch(() => {}); }
      }
      console.log(JSON.stringify({ error: lastError && (lastError.message || lastError.code) }));
    })();`,
};

const cache = new Map<DbKind, { user?: string; error?: string }>();

/**
 * Probes the server (synchronously, so suites can decide to skip at load time) and creates the test databases
 * when missing.
 */
export function dbTarget(kind: DbKind, database = 'zcrm_test'): DbTarget {
  if (!cache.has(kind)) {
    const result = spawnSync(process.execPath, ['-e', PROBES[kind]], {
      cwd: `${__dirname}/../..`,
      encoding: 'utf8',
      timeout: 20_000,
    });
    let parsed: { user?: string; error?: string };
    try {
      parsed = JSON.parse(result.stdout.trim().split('\n').pop() ?? '');
    } catch {
      parsed = { error: result.stderr.trim() || result.error?.message || 'probe failed' };
    }
    cache.set(kind, parsed);
  }
  const probe = cache.get(kind)!;
  const options: DbTarget['options'] =
    kind === 'mariadb'
      ? { type: 'mariadb', host: '127.0.0.1', port: PORTS.mariadb, username: 'root', password: '', database }
      : {
          type: 'postgres',
          host: '127.0.0.1',
          port: 5432,
          username: probe.user ?? 'postgres',
          password: '',
          database,
        };
  return { kind, options, available: probe.error === undefined, reason: probe.error };
}

/**
 * `describe` for a database suite: runs when the server is reachable; otherwise skips with a printed reason,
 * or — with `ZCRM_TEST_DB=required` (CI) — fails.
 */
export function describeDb(
  kind: DbKind,
  name: string,
  body: (target: DbTarget) => void,
  database?: string,
): void {
  const target = dbTarget(kind, database);
  if (target.available) {
    describe(name, () => body(target));
    return;
  }
  const why = `${kind} at ${target.options.host}:${target.options.port} is not reachable: ${target.reason}`;
  if (process.env.ZCRM_TEST_DB === 'required') {
    describe(name, () => {
      it(`needs ${kind} (ZCRM_TEST_DB=required)`, () => {
        throw new Error(why);
      });
    });
    return;
  }
  console.log(`Skipping "${name}": ${why} (set ZCRM_TEST_DB=required to make this a failure)`);
  describe.skip(name, () => body(target));
}
