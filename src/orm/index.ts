/**
 * The active-record ORM: `CrmRecord` models declared with the `zcrm/decorators`, `Repository` for explicit
 * clients, typed queries (the operators come from `src/query`), and the value types of record fields.
 */
export { CrmRecord } from './crm-record';
export { Repository, getRepository } from './repository';
export type {
  BatchOptions,
  CreateInput,
  FindOneWithOptions,
  FindOptions,
  ModelConstructor,
  RelationOptions,
  SaveManyOptions,
  SaveOptions,
  UpsertOptions,
} from './repository';
export type { PageReadOptions } from './query/read-pages';
export type { FindOptionsRelations, Loaded, LookupKeys, WithRelations } from './query/relations';
export type {
  WriteResult,
  WriteSuccess,
  WriteFailure,
  DeleteResult,
  DeleteSuccess,
  DeleteFailure,
} from './write/write-result';
export { Ref } from './values/ref';
export type { UserRef } from './values/user-ref';
export type { Tax } from './values/tax';
export type { RecordTag } from './values/tag';
export { LineItem } from './values/line-item';
export type { LineItemInit, Discount } from './values/line-item';
export { Participant } from './values/participant';
export type { ParticipantInit } from './values/participant';
export { PricingRange } from './values/pricing-range';
export type { PricingRangeInit } from './values/pricing-range';
export { CrmRecordNotFoundError } from './errors/crm-record-not-found-error';
export { CrmValidationError } from './errors/crm-validation-error';
export type { FieldProblem } from './errors/crm-validation-error';
export { getChanges, recordContext } from './record-context';
export type { RecordContext } from './record-context';
// The record extras' types, for the signatures of the model methods (`invoice.addNote(...)` …).
export type {
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
} from './extras';
