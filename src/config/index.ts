export type {
  DatabaseOptions,
  RedisOptions,
  ResolvedConfig,
  RetryOptions,
  SeedConfigDictionary,
  ThrottleOptions,
  TokenStoreChoice,
  ZCRMConfig,
} from './client-config';
export { DATA_CENTERS, ENVIRONMENTS, environmentUrls } from './data-centers';
export type { DataCenter, Environment, EnvironmentUrls } from './data-centers';
export { EDITIONS, EDITION_CONCURRENCY, HEAVY_API_CONCURRENCY } from './editions';
export type { Edition } from './editions';
export { fileLogger, redactingLogger, silentLogger } from './logger';
export type { ZCRMLogger } from './logger';
export { resolveConfig, DEFAULT_SQLITE_PATH } from './resolve-config';
export type { ConfigInput } from './resolve-config';
export type { TokenStore, ZohoOAuthTokens } from './token-store-contract';
export { isLoopbackHost, normalizeBaseUrl } from './url-policy';
