/** Public entry point of `zcrm`. */
export { ZCRMRestClient } from './api/rest-client';
export type { ClientOptions, QueryValue, RequestOptions } from './api/rest-client';
export * from './api';

export {
  CrmRecord,
  Repository,
  getRepository,
  Ref,
  LineItem,
  Participant,
  PricingRange,
  CrmRecordNotFoundError,
  CrmValidationError,
} from './orm';
export type {
  BatchOptions,
  CreateInput,
  FindOptions,
  ModelConstructor,
  SaveManyOptions,
  SaveOptions,
  UpsertOptions as ModelUpsertOptions,
  WriteResult,
  WriteSuccess,
  WriteFailure,
  DeleteResult,
  DeleteSuccess,
  DeleteFailure,
  UserRef,
  Tax,
  RecordTag,
  LineItemInit,
  Discount,
  ParticipantInit,
  PricingRangeInit,
  FieldProblem,
} from './orm';
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
export type { FindManyOptions, FindOneOptions, FindOptionsWhere, FindOptionsOrder, FindOptionsSelect } from './query';

export {
  ZohoOAuth,
  ZohoOAuthClient,
  MemoryTokenStore,
  FileTokenStore,
  TypeOrmTokenStore,
  OAuthTokenEntity,
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
  ConfigurationException,
} from './errors';

export { Pipeline } from './http';
export type { HttpRequest, HttpResponse, RateLimitInfo, Step } from './http';

export { VERSION } from './version';

// ORM (part 1): change tracking, a record's client and module, paging options, the model methods' option types.
export { getChanges, recordContext } from './orm';
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
