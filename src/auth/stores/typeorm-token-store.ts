import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSource, DataSourceOptions, QueryRunner } from 'typeorm';
import type { DatabaseOptions } from '../../config/client-config';
import type { TokenStore, ZohoOAuthTokens } from '../../config/token-store-contract';
import { registerSecret } from '../../errors/redact';
import { ZCRMException } from '../../errors/zcrm-exception';
import { sameTokens } from '../oauth-tokens';
import { OAUTH_TOKENS_TABLE, OAuthTokenRow, oauthTokensTable } from './oauth-token-entity';
import { loadTypeOrm, requireDriver } from './load-typeorm';
import { dialectOf, SqlDialect } from './sql-dialect';

/**
 * Tokens in the seed's `oauthtokens` table through TypeORM: SQLite, MySQL/MariaDB, PostgreSQL, or an
 * application's own DataSource. The table is created when missing and otherwise used exactly as it is (never
 * `synchronize`d), so a table made by the Python SDK keeps working for both. Refreshes run under a row lock
 * (see {@link SqlDialect}) after re-reading the row, so processes sharing the database refresh once.
 */
export class TypeOrmTokenStore implements TokenStore {
  private ready?: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly dialect: SqlDialect;

  private constructor(
    readonly dataSource: DataSource,
    private readonly ownsDataSource: boolean,
  ) {
    this.dialect = dialectOf(dataSource);
  }

  /** A store on a database of its own (the DataSource is created, initialised and closed by the store). */
  static fromOptions(options: DatabaseOptions & { database: string }): TypeOrmTokenStore {
    registerSecret(options.password);
    const { DataSource } = loadTypeOrm();
    requireDriver(options.type);
    return new TypeOrmTokenStore(new DataSource(dataSourceOptions(options)), true);
  }

  /** A store in an application's DataSource (initialised here if it is not yet; never closed by the store). */
  static fromDataSource(dataSource: DataSource): TypeOrmTokenStore {
    return new TypeOrmTokenStore(dataSource, false);
  }

  async getOAuthTokens(userEmail: string): Promise<ZohoOAuthTokens | undefined> {
    await this.open();
    const rows = (await this.query(this.dataSource, this.selectSql(''), {
      user: userEmail,
    })) as OAuthTokenRow[];
    return rows[0] && toTokens(rows[0]);
  }

  async saveOAuthTokens(tokens: ZohoOAuthTokens): Promise<void> {
    await this.updateOAuthTokens(tokens.userEmail, async () => tokens);
  }

  async deleteOAuthTokens(userEmail: string): Promise<void> {
    await this.open();
    await this.exclusive(() =>
      this.query(this.dataSource, `DELETE FROM ${this.table()} WHERE ${this.col('useridentifier')} = :user`, {
        user: userEmail,
      }),
    );
  }

  async updateOAuthTokens(
    userEmail: string,
    update: (current: ZohoOAuthTokens | undefined) => Promise<ZohoOAuthTokens | undefined>,
  ): Promise<ZohoOAuthTokens | undefined> {
    await this.open();
    return this.exclusive(async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.query(this.dialect.begin);
        const rows = (await this.query(runner, this.selectSql(this.dialect.lockSuffix), {
          user: userEmail,
        })) as OAuthTokenRow[];
        const current = rows[0] && toTokens(rows[0]);
        const next = await update(current);
        if (next && !sameTokens(next, current))
          await this.write(runner, { ...next, userEmail }, current !== undefined);
        await runner.query('COMMIT');
        return next;
      } catch (err) {
        await runner.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        await runner.release();
      }
    });
  }

  async close(): Promise<void> {
    if (this.ownsDataSource && this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private open(): Promise<void> {
    this.ready ??= this.initialize().catch((err) => {
      this.ready = undefined;
      const reason = err instanceof Error ? err.message : String(err);
      throw new ZCRMException({
        errorCode: 'TOKEN_STORE_ERROR',
        errorMessage: `Could not open the token database (${this.dataSource.options.type}): ${reason}`,
        cause: err,
      });
    });
    return this.ready;
  }

  private async initialize(): Promise<void> {
    if (!this.dataSource.isInitialized) await this.dataSource.initialize();
    const runner = this.dataSource.createQueryRunner();
    try {
      // Create the table only when it is missing; an existing table (e.g. the Python SDK's) is used as is.
      if (!(await runner.hasTable(OAUTH_TOKENS_TABLE))) await runner.createTable(oauthTokensTable(), true);
    } finally {
      await runner.release();
    }
  }

  /** Row locks cover other processes; within a process, SQLite's shared connection needs turns taken. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (!this.dialect.serializeInProcess) return work();
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async write(runner: QueryRunner, tokens: ZohoOAuthTokens, exists: boolean): Promise<void> {
    const params = {
      user: tokens.userEmail,
      access: tokens.accessToken,
      refresh: tokens.refreshToken,
      expiry: tokens.expiryTime,
    };
    const [user, access, refresh, expiry] = [
      'useridentifier',
      'accesstoken',
      'refreshtoken',
      'expirytime',
    ].map((c) => this.col(c));
    const sql = exists
      ? `UPDATE ${this.table()} SET ${access} = :access, ${refresh} = :refresh, ${expiry} = :expiry WHERE ${user} = :user`
      : `INSERT INTO ${this.table()} (${user}, ${access}, ${refresh}, ${expiry}) VALUES (:user, :access, :refresh, :expiry)`;
    await this.query(runner, sql, params);
  }

  private selectSql(suffix: string): string {
    const columns = ['useridentifier', 'accesstoken', 'refreshtoken', 'expirytime']
      .map((c) => this.col(c))
      .join(', ');
    return `SELECT ${columns} FROM ${this.table()} WHERE ${this.col('useridentifier')} = :user${suffix}`;
  }

  private query(
    target: DataSource | QueryRunner,
    sql: string,
    params: Record<string, unknown>,
  ): Promise<unknown> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return target.query(text, values);
  }

  private table(): string {
    return this.dataSource.driver.escape(OAUTH_TOKENS_TABLE);
  }

  private col(name: string): string {
    return this.dataSource.driver.escape(name);
  }
}

function toTokens(row: OAuthTokenRow): ZohoOAuthTokens {
  return {
    userEmail: row.useridentifier,
    accessToken: row.accesstoken,
    refreshToken: row.refreshtoken,
    expiryTime: Number(row.expirytime),
  };
}

function dataSourceOptions(options: DatabaseOptions & { database: string }): DataSourceOptions {
  const common = { synchronize: false, logging: false, entities: [] };
  if (options.type === 'sqlite') {
    const path = options.path as string;
    createPrivateFile(path);
    return { ...common, type: 'better-sqlite3', database: path, enableWAL: true, timeout: 15_000 };
  }
  return {
    ...common,
    type: options.type,
    host: options.host,
    port: options.port,
    username: options.username,
    password: options.password,
    database: options.database,
  };
}

/**
 * Creates the SQLite file (and its directory) readable by the owner only before SQLite opens it: the file holds
 * tokens, and SQLite gives its WAL and shared-memory files the database file's permissions.
 */
function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
}
