import type { DataSource } from 'typeorm';
import type { DataCenter, Environment } from './data-centers';
import type { Edition } from './editions';
import type { ZCRMLogger } from './logger';
import type { QueryLoggerOption } from './query-log';
import type { TokenStore } from './token-store-contract';

/**
 * The seed's configuration dictionary (`zcrmsdk` `ZCRMRestClient.initialize(config_dict)`), keys exactly as
 * there; every value is a string as in the seed. `mysql_host` and `mysql_database` are additions (seed PR #9).
 */
export interface SeedConfigDictionary {
  client_id: string;
  client_secret: string;
  redirect_uri?: string;
  currentUserEmail?: string;
  apiBaseUrl?: string;
  apiVersion?: string;
  sandbox?: string;
  accounts_url?: string;
  token_persistence_path?: string;
  applicationLogFilePath?: string;
  mysql_username?: string;
  mysql_password?: string;
  mysql_port?: string;
  mysql_host?: string;
  mysql_database?: string;
  persistence_handler_class?: string;
  persistence_handler_path?: string;
  access_type?: string;
}

/** A SQL database holding the `oauthtokens` table. */
export interface DatabaseOptions {
  type: 'sqlite' | 'mysql' | 'mariadb' | 'postgres';
  /** SQLite file; default `./.zcrm/tokens.sqlite` under the working directory. */
  path?: string;
  host?: string;
  port?: number;
  username?: string;
  password?: string;
  /** Default `zohooauth`, the seed's database. */
  database?: string;
}

/** Retry of failed requests (jittered exponential backoff within a retry budget). */
export interface RetryOptions {
  /** Retries after the first attempt; default 3. */
  maxRetries?: number;
  /** First backoff, doubled each retry (full jitter); default 250 ms. */
  baseDelayMs?: number;
  /** Longest single wait, also for 429 waits read from headers; default 20 s. */
  maxDelayMs?: number;
  /**
   * Retry tokens shared by all calls of a client: each retry spends one, each success returns a tenth of one.
   * When they run out, failures surface at once instead of multiplying load on a struggling server. Default 20.
   */
  budget?: number;
}

/** Redis connection for a limiter shared by many processes. */
export interface RedisOptions {
  host?: string;
  port?: number;
  password?: string;
  db?: number;
}

/** Client-side throttling with bottleneck. */
export interface ThrottleOptions {
  /** Sets `maxConcurrent` to the edition's concurrency (free 5 … ultimate 25). Default `enterprise`. */
  edition?: Edition;
  /** Concurrent requests per org; overrides `edition`. */
  maxConcurrent?: number;
  /** Concurrent heavy requests (COQL, bulk, mass update, lead conversion); default min(10, maxConcurrent). */
  heavyMaxConcurrent?: number;
  /** Minimum spacing between request starts, ms. Default 0. */
  minTimeMs?: number;
  /** Share the budget through Redis (many processes, one budget): options or a `redis://` URL. */
  redis?: RedisOptions | string;
  /** Limiter id: clients with the same id (and Redis) share one budget. Default derived from client id and API host. */
  id?: string;
}

/** The typed, camelCase configuration. The seed's dictionary keys are accepted as well (and may be mixed in). */
export interface ZCRMConfig {
  clientId: string;
  clientSecret: string;
  /** Needed for grant tokens from the web flow; a Self Client does not need it. */
  redirectUri?: string;
  /** The fallback user when no `runAs` scope is active. */
  currentUserEmail?: string;
  /** Default `US`. */
  dataCenter?: DataCenter;
  /** Default `production`. */
  environment?: Environment;
  /** Overrides the data centre's API host; the scheme is optional, as in the seed. */
  apiBaseUrl?: string;
  /** Default `v2`. */
  apiVersion?: string;
  /** The seed's switch: same as `environment: 'sandbox'`. */
  sandbox?: boolean;
  /** Overrides the data centre's accounts server. */
  accountsUrl?: string;
  /** Stored for parity with the seed; `offline` (default) issues refresh tokens. */
  accessType?: 'offline' | 'online';
  /** Directory of a JSON token file (`zcrm_oauthtokens.json`). */
  tokenPersistencePath?: string;
  /** Module exporting a custom token store class. */
  persistenceHandlerPath?: string;
  /** Class name exported by `persistenceHandlerPath`; the default export when omitted. */
  persistenceHandlerClass?: string;
  mysqlUsername?: string;
  mysqlPassword?: string;
  mysqlPort?: number;
  mysqlHost?: string;
  mysqlDatabase?: string;
  /** SQL database for tokens; SQLite under `./.zcrm/` when no store is chosen. */
  database?: DatabaseOptions;
  /** An application's own TypeORM DataSource to keep the `oauthtokens` table in. */
  dataSource?: DataSource;
  /** A store instance, or `memory` (tokens live as long as the process). */
  tokenStore?: TokenStore | 'memory';
  /** Log file, or a directory for `client_library.log` as in the seed. */
  applicationLogFilePath?: string;
  /** Where log lines go (redacted); overrides `applicationLogFilePath`. */
  logger?: ZCRMLogger;
  /**
   * Per-attempt timeout; default 30 000 ms. Always finite. Downloads (streamed bodies) are bounded until their
   * response headers arrive; reading the file afterwards is not cut off (cancel it with an `AbortSignal`).
   */
  timeoutMs?: number;
  /** `false` disables retries. */
  retry?: RetryOptions | false;
  /** `false` disables client-side throttling. */
  throttle?: ThrottleOptions | false;
  /** Refresh access tokens this long before they expire; default 60 000 ms. */
  refreshMarginMs?: number;
  /**
   * Reports every ORM query when it ends: the backend, what each call sent (COQL, criteria or list
   * parameters, secrets redacted) and how many calls it took. `true` writes one info line per query to
   * `logger`.
   */
  queryLogger?: QueryLoggerOption;
}

/** Where tokens are kept, as chosen by the configuration. */
export type TokenStoreChoice =
  | { kind: 'instance'; store: TokenStore }
  | { kind: 'memory' }
  | { kind: 'file'; directory: string }
  | { kind: 'custom'; modulePath: string; className?: string }
  | { kind: 'dataSource'; dataSource: DataSource }
  | { kind: 'database'; database: DatabaseOptions & { database: string } };

/** The validated configuration with every default filled in. */
export interface ResolvedConfig {
  clientId: string;
  clientSecret: string;
  redirectUri?: string;
  currentUserEmail?: string;
  accessType: 'offline' | 'online';
  dataCenter: DataCenter;
  environment: Environment;
  /** Origin of the CRM API, e.g. `https://www.zohoapis.com` (no trailing slash). */
  apiBaseUrl: string;
  apiVersion: string;
  accountsUrl: string;
  contentUrl: string;
  tokenStore: TokenStoreChoice;
  applicationLogFilePath?: string;
  logger?: ZCRMLogger;
  timeoutMs: number;
  retry: Required<RetryOptions>;
  throttle?: Required<Pick<ThrottleOptions, 'maxConcurrent' | 'heavyMaxConcurrent' | 'minTimeMs' | 'id'>> &
    Pick<ThrottleOptions, 'redis'>;
  refreshMarginMs: number;
  queryLogger?: QueryLoggerOption;
}
