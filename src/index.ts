/**
 * Public entry point of `zcrm`. "The seed" in its documentation is Zoho's archived Python SDK (`zcrmsdk`),
 * whose classes, method names and configuration keys zcrm keeps.
 */
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

// The transport pipeline and its steps: `client.pipeline.replace('retry', retryStep(…))` and the like.
export {
  Pipeline,
  authHeaderStep,
  refreshOnInvalidTokenStep,
  retryStep,
  throttleStep,
  ConcurrencyLimiter,
  createLimiter,
  defaultHeadersStep,
  loggingStep,
  raiseForStatusStep,
} from './http';
export type {
  AccessTokenSource,
  AuthContext,
  Handler,
  HttpMethod,
  HttpRequest,
  HttpResponse,
  Limiter,
  Limiters,
  RateLimitInfo,
  Step,
} from './http';

export { VERSION } from './version';
export { verifyModels } from './codegen/verify-models';
export type { ModelMismatch } from './codegen/verify-models';
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
