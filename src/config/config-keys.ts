import { DATA_CENTERS, ENVIRONMENTS } from './data-centers';
import { EDITIONS } from './editions';
import type { ZCRMConfig } from './client-config';
import type { QueryLoggerOption } from './query-log';
import {
  anyString,
  booleanish,
  email,
  nonEmptyString,
  nonNegativeInteger,
  objectWithMethods,
  oneOf,
  optionsObject,
  port,
  positiveInteger,
  ValueParser,
} from './config-values';
import { ConfigurationException } from '../errors/configuration-exception';

/** One configuration key: its typed name, the seed dictionary's name when it has one, and its parser. */
export interface KeySpec {
  camel: keyof ZCRMConfig;
  seed?: string;
  parse: ValueParser<unknown>;
}

const retryOrFalse: ValueParser<unknown> = (value, key) =>
  value === false
    ? false
    : optionsObject({
        maxRetries: nonNegativeInteger,
        baseDelayMs: positiveInteger,
        maxDelayMs: positiveInteger,
        budget: nonNegativeInteger,
      })(value, key);

const redisOptions: ValueParser<unknown> = (value, key) =>
  typeof value === 'string'
    ? redisUrl(value, key)
    : optionsObject({ host: nonEmptyString, port, password: anyString, db: nonNegativeInteger })(value, key);

function redisUrl(value: string, key: string): string {
  if (!/^rediss?:\/\/.+/.test(value))
    throw ConfigurationException.badValue(key, 'a redis:// URL or {host, port, password, db}');
  return value;
}

const throttleOrFalse: ValueParser<unknown> = (value, key) =>
  value === false
    ? false
    : optionsObject({
        edition: oneOf(EDITIONS),
        maxConcurrent: positiveInteger,
        heavyMaxConcurrent: positiveInteger,
        minTimeMs: nonNegativeInteger,
        redis: redisOptions,
        id: nonEmptyString,
      })(value, key);

const databaseOptions = optionsObject({
  type: oneOf(['sqlite', 'mysql', 'mariadb', 'postgres'] as const),
  path: nonEmptyString,
  host: nonEmptyString,
  port,
  username: nonEmptyString,
  password: anyString,
  database: nonEmptyString,
});

const tokenStore: ValueParser<unknown> = (value, key) =>
  value === 'memory'
    ? value
    : objectWithMethods(
        ['getOAuthTokens', 'saveOAuthTokens', 'deleteOAuthTokens'],
        '"memory" or an object with getOAuthTokens, saveOAuthTokens and deleteOAuthTokens',
      )(value, key);

/** Every accepted key. Seed names are the seed's exactly; where the seed used camelCase they coincide. */
export const CONFIG_KEYS: KeySpec[] = [
  { seed: 'client_id', camel: 'clientId', parse: nonEmptyString },
  { seed: 'client_secret', camel: 'clientSecret', parse: nonEmptyString },
  { seed: 'redirect_uri', camel: 'redirectUri', parse: nonEmptyString },
  { seed: 'currentUserEmail', camel: 'currentUserEmail', parse: email },
  { seed: 'apiBaseUrl', camel: 'apiBaseUrl', parse: nonEmptyString },
  { seed: 'apiVersion', camel: 'apiVersion', parse: apiVersion },
  { seed: 'sandbox', camel: 'sandbox', parse: booleanish },
  { seed: 'accounts_url', camel: 'accountsUrl', parse: nonEmptyString },
  { seed: 'access_type', camel: 'accessType', parse: oneOf(['offline', 'online'] as const) },
  { seed: 'token_persistence_path', camel: 'tokenPersistencePath', parse: nonEmptyString },
  { seed: 'persistence_handler_path', camel: 'persistenceHandlerPath', parse: nonEmptyString },
  { seed: 'persistence_handler_class', camel: 'persistenceHandlerClass', parse: nonEmptyString },
  { seed: 'applicationLogFilePath', camel: 'applicationLogFilePath', parse: nonEmptyString },
  { seed: 'mysql_username', camel: 'mysqlUsername', parse: nonEmptyString },
  { seed: 'mysql_password', camel: 'mysqlPassword', parse: anyString },
  { seed: 'mysql_port', camel: 'mysqlPort', parse: port },
  { seed: 'mysql_host', camel: 'mysqlHost', parse: nonEmptyString },
  { seed: 'mysql_database', camel: 'mysqlDatabase', parse: nonEmptyString },
  { camel: 'dataCenter', parse: oneOf(DATA_CENTERS, { ignoreCase: true }) },
  { camel: 'environment', parse: oneOf(ENVIRONMENTS, { ignoreCase: true }) },
  { camel: 'database', parse: databaseOptions },
  {
    camel: 'dataSource',
    parse: objectWithMethods(['createQueryRunner', 'initialize'], 'a TypeORM DataSource'),
  },
  { camel: 'tokenStore', parse: tokenStore },
  {
    camel: 'logger',
    parse: objectWithMethods(
      ['debug', 'info', 'warn', 'error'],
      'an object with debug, info, warn and error',
    ),
  },
  { camel: 'timeoutMs', parse: positiveInteger },
  { camel: 'retry', parse: retryOrFalse },
  { camel: 'throttle', parse: throttleOrFalse },
  { camel: 'refreshMarginMs', parse: nonNegativeInteger },
  { camel: 'queryLogger', parse: queryLogger },
];

function queryLogger(value: unknown, key: string): QueryLoggerOption {
  if (typeof value === 'function' || typeof value === 'boolean') return value as QueryLoggerOption;
  throw ConfigurationException.badValue(key, 'a function taking each query entry, or true');
}

function apiVersion(value: unknown, key: string): string {
  const text = nonEmptyString(value, key);
  if (!/^v\d+(\.\d+)?$/.test(text)) throw ConfigurationException.badValue(key, 'an API version such as v2');
  return text;
}
