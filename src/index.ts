/** Public entry point of `zcrm`. */
export { ZCRMRestClient } from './api/rest-client';
export type { ClientOptions, QueryValue, RequestOptions } from './api/rest-client';
export * from './api';

export * from './orm';
// `./api` and `./orm` both name an upsert options type: the seed-parity one keeps the name.
export type { UpsertOptions } from './api';
export type { UpsertOptions as ModelUpsertOptions } from './orm';
export {
  Equal,
  Not,
  In,
  Like,
  MoreThan,
  MoreThanOrEqual,
  LessThan,
  LessThanOrEqual,
  Between,
  IsNull,
  FindOperator,
  SelectQueryBuilder,
} from './query';
export type {
  FindManyOptions,
  FindOneOptions,
  FindOptionsWhere,
  FindOptionsOrder,
  FindOptionsSelect,
} from './query';

export {
  ZohoOAuth,
  ZohoOAuthClient,
  MemoryTokenStore,
  FileTokenStore,
  TypeOrmTokenStore,
  oauthTokenEntity,
  OAUTH_TOKENS_TABLE,
} from './auth';
export type { TokenStore, ZohoOAuthTokens } from './auth';

export { DATA_CENTERS, ENVIRONMENTS, EDITIONS, environmentUrls } from './config';
export type {
  DataCenter,
  DatabaseOptions,
  Edition,
  Environment,
  RedisOptions,
  RetryOptions,
  SeedConfigDictionary,
  ThrottleOptions,
  ZCRMConfig,
  ZCRMLogger,
} from './config';

export {
  ZCRMException,
  AuthenticationException,
  RateLimitException,
  ValidationException,
  NotFoundException,
  ConnectionException,
  TimeoutException,
  QueryCompileException,
  OutcomeUnknownException,
  ConfigurationException,
} from './errors';

export { Pipeline } from './http';
export type { HttpRequest, HttpResponse, RateLimitInfo, Step } from './http';

export { VERSION } from './version';
export type {
  RecordContext,
  PageReadOptions,
  AttachOptions,
  AttachmentsOptions,
  DownloadedFile,
  DownloadTarget,
  ExtrasOptions,
  FileDownloadOptions,
  NoteInput,
  NotesOptions,
  PhotoOptions,
  RelatedList,
  RelatedListOptions,
  RelatedModel,
  RelatedOptions,
  RelatedTarget,
  RelationData,
  TagsOptions,
} from './orm';
