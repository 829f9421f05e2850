import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { ConfigurationException } from '../errors/configuration-exception';
import { redactInspection } from '../errors/redact';
import type {
  DatabaseOptions,
  ResolvedConfig,
  SeedConfigDictionary,
  TokenStoreChoice,
  ZCRMConfig,
} from './client-config';
import { CONFIG_KEYS, KeySpec } from './config-keys';
import { editDistance } from './config-values';
import { environmentUrls } from './data-centers';
import { EDITION_CONCURRENCY, HEAVY_API_CONCURRENCY } from './editions';
import { normalizeBaseUrl } from './url-policy';

/** What `initialize()` accepts: the seed's dictionary, the typed form, or a mixture of both. */
export type ConfigInput =
  ZCRMConfig | SeedConfigDictionary | (Partial<ZCRMConfig> & Partial<SeedConfigDictionary>);

/** The SQLite file used when no token store is configured (relative to the working directory). */
export const DEFAULT_SQLITE_PATH = '.zcrm/tokens.sqlite';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_REFRESH_MARGIN_MS = 60_000;
const DEFAULT_RETRY = { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 20_000, budget: 20 };

/** The typed values, plus the key each came in under so errors can name it as the user wrote it. */
interface ParsedInput {
  values: Partial<ZCRMConfig>;
  keyOf: (camel: keyof ZCRMConfig) => string;
}

/**
 * Validates a configuration and fills in every default. Unknown keys, missing mandatory keys, bad values and
 * conflicting keys fail with a {@link ConfigurationException} naming the key.
 */
export function resolveConfig(input: ConfigInput): ResolvedConfig {
  const { values: c, keyOf } = parseKeys(input);
  if (c.clientId === undefined) throw ConfigurationException.missingKey('client_id', 'clientId');
  if (c.clientSecret === undefined) throw ConfigurationException.missingKey('client_secret', 'clientSecret');

  const environment = resolveEnvironment(c, keyOf);
  const dataCenter = c.dataCenter ?? 'US';
  const urls = environmentUrls(dataCenter, environment);
  const apiBaseUrl =
    c.apiBaseUrl === undefined
      ? urls.apiBaseUrl
      : seedSandboxHost(normalizeBaseUrl(keyOf('apiBaseUrl'), c.apiBaseUrl), environment === 'sandbox');
  const retry = c.retry === false ? { ...DEFAULT_RETRY, maxRetries: 0 } : { ...DEFAULT_RETRY, ...c.retry };

  // Shown by console.log and debuggers, which must not print the client secret or a database password.
  return redactInspection({
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    redirectUri: c.redirectUri,
    currentUserEmail: c.currentUserEmail,
    accessType: c.accessType ?? 'offline',
    dataCenter,
    environment,
    apiBaseUrl,
    apiVersion: c.apiVersion ?? 'v2',
    accountsUrl:
      c.accountsUrl === undefined ? urls.accountsUrl : normalizeBaseUrl(keyOf('accountsUrl'), c.accountsUrl),
    contentUrl: urls.contentUrl,
    tokenStore: resolveTokenStore(c, keyOf),
    applicationLogFilePath: c.applicationLogFilePath,
    logger: c.logger,
    queryLogger: c.queryLogger,
    timeoutMs: c.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry,
    throttle: resolveThrottle(c, apiBaseUrl),
    refreshMarginMs: c.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS,
  });
}

function parseKeys(input: ConfigInput): ParsedInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw ConfigurationException.badValue('config', 'an object of configuration keys');
  }
  const values: Record<string, unknown> = {};
  const usedKey = new Map<string, string>();
  for (const [key, value] of Object.entries(input)) {
    const spec = CONFIG_KEYS.find((k) => k.seed === key || k.camel === key);
    if (!spec) throw ConfigurationException.unknownKey(key, suggest(key));
    if (value === undefined) continue;
    const earlier = usedKey.get(spec.camel);
    if (earlier !== undefined) throw ConfigurationException.conflict(earlier, key);
    usedKey.set(spec.camel, key);
    values[spec.camel] = spec.parse(value, key);
  }
  return {
    values: values,
    keyOf: (camel) => usedKey.get(camel) ?? seedName(CONFIG_KEYS.find((k) => k.camel === camel)),
  };
}

function seedName(spec: KeySpec | undefined): string {
  return spec?.seed ?? String(spec?.camel);
}

function suggest(key: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const spec of CONFIG_KEYS) {
    for (const name of [spec.seed, spec.camel]) {
      if (name === undefined) continue;
      const distance = name.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, name);
      if (!best || distance < best.distance) best = { name, distance };
    }
  }
  return best && best.distance <= 3 ? best.name : undefined;
}

/** `sandbox` is the seed's switch for what `environment` says; both may be given when they agree. */
function resolveEnvironment(
  c: Partial<ZCRMConfig>,
  keyOf: ParsedInput['keyOf'],
): ResolvedConfig['environment'] {
  if (c.sandbox === undefined) return c.environment ?? 'production';
  if (c.environment !== undefined && (c.environment === 'sandbox') !== c.sandbox) {
    throw ConfigurationException.conflict(keyOf('sandbox'), 'environment');
  }
  return c.environment ?? (c.sandbox ? 'sandbox' : 'production');
}

/** The seed turns `www.` into `sandbox.` in an explicit `apiBaseUrl` when `sandbox` is true. */
function seedSandboxHost(url: string, sandbox: boolean): string {
  return sandbox ? url.replace('://www.', '://sandbox.') : url;
}

const MYSQL_KEYS = ['mysqlUsername', 'mysqlPassword', 'mysqlPort', 'mysqlHost', 'mysqlDatabase'] as const;

/** Exactly one way of keeping tokens may be chosen; none means SQLite under the working directory. */
function resolveTokenStore(c: Partial<ZCRMConfig>, keyOf: ParsedInput['keyOf']): TokenStoreChoice {
  if (c.persistenceHandlerClass !== undefined && c.persistenceHandlerPath === undefined) {
    throw ConfigurationException.missingKey('persistence_handler_path', 'persistenceHandlerPath');
  }
  const mysqlKey = MYSQL_KEYS.find((k) => c[k] !== undefined);
  const chosen = (
    ['tokenStore', 'persistenceHandlerPath', 'tokenPersistencePath', 'dataSource', 'database'] as const
  ).filter((k) => c[k] !== undefined);
  const selectors = [...chosen.map((k) => keyOf(k)), ...(mysqlKey ? [keyOf(mysqlKey)] : [])];
  if (selectors.length > 1) throw ConfigurationException.conflict(selectors[0], selectors[1]);

  if (c.tokenStore === 'memory') return { kind: 'memory' };
  if (c.tokenStore !== undefined) return { kind: 'instance', store: c.tokenStore };
  if (c.persistenceHandlerPath !== undefined) {
    return {
      kind: 'custom',
      modulePath: resolve(c.persistenceHandlerPath),
      className: c.persistenceHandlerClass,
    };
  }
  if (c.tokenPersistencePath !== undefined)
    return { kind: 'file', directory: resolve(c.tokenPersistencePath) };
  if (c.dataSource !== undefined) return { kind: 'dataSource', dataSource: c.dataSource };
  if (mysqlKey !== undefined) {
    return {
      kind: 'database',
      database: databaseDefaults({
        type: 'mysql',
        host: c.mysqlHost,
        port: c.mysqlPort,
        username: c.mysqlUsername,
        password: c.mysqlPassword,
        database: c.mysqlDatabase,
      }),
    };
  }
  return {
    kind: 'database',
    database: databaseDefaults(c.database ?? { type: 'sqlite' }, keyOf('database')),
  };
}

function databaseDefaults(
  options: DatabaseOptions,
  key = 'database',
): DatabaseOptions & { database: string } {
  if (options.type === undefined) throw ConfigurationException.missingKey(`${key}.type`);
  if (options.type === 'sqlite') {
    return { type: 'sqlite', path: resolve(options.path ?? DEFAULT_SQLITE_PATH), database: 'main' };
  }
  const postgres = options.type === 'postgres';
  return {
    type: options.type,
    // 127.0.0.1 rather than localhost: Node may resolve localhost to ::1, where a database often does not listen.
    host: options.host ?? '127.0.0.1',
    port: options.port ?? (postgres ? 5432 : 3306),
    username: options.username ?? (postgres ? 'postgres' : 'root'),
    password: options.password ?? '',
    database: options.database ?? 'zohooauth',
  };
}

function resolveThrottle(c: Partial<ZCRMConfig>, apiBaseUrl: string): ResolvedConfig['throttle'] {
  if (c.throttle === false) return undefined;
  const options = c.throttle ?? {};
  const digest = createHash('sha256').update(`${c.clientId}\n${apiBaseUrl}`).digest('hex').slice(0, 16);
  const maxConcurrent = options.maxConcurrent ?? EDITION_CONCURRENCY[options.edition ?? 'enterprise'];
  return {
    maxConcurrent,
    heavyMaxConcurrent: options.heavyMaxConcurrent ?? Math.min(HEAVY_API_CONCURRENCY, maxConcurrent),
    minTimeMs: options.minTimeMs ?? 0,
    redis: options.redis,
    id: options.id ?? `zcrm-${digest}`,
  };
}
