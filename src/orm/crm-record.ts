import type { ZCRMRestClient } from '../api/rest-client';
import type { CompiledQuery, CompileOptions } from '../query/compilers/compiled-query';
import type { FindManyOptions, FindOptionsWhere } from '../query/find-options';
import type { SelectQueryBuilder } from '../query/select-query-builder';
import {
  BatchOptions,
  CreateInput,
  FindOneWithOptions,
  FindOptions,
  ModelConstructor,
  Repository,
  SaveManyOptions,
  SaveOptions,
  UpsertOptions,
} from './repository';
import type { Ref } from './values/ref';
import type { FindOptionsRelations, NoRelations, WithRelations } from './query/relations';
import type { UserRef } from './values/user-ref';
import type { RecordTag } from './values/tag';
import type { DeleteResult, WriteResult } from './write/write-result';
import { stateOf } from './state/record-state';
import type { ZCRMNote } from '../api/entities/zcrm-note';
import type { ZCRMAttachment } from '../api/entities/zcrm-attachment';
import type { ZCRMRecord } from '../api/entities/zcrm-record';
import type { UploadSource } from '../api/files/upload-source';
import type {
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
  RelatedModel,
  RelatedOptions,
  TagsOptions,
} from './extras';

/** The repository static calls use: on the default client. */
function repositoryFor<T extends CrmRecord>(
  model: ModelConstructor<T>,
  client?: ZCRMRestClient,
): Repository<T> {
  return new Repository(model, client);
}

/** The repository a record goes back to: the one it came from, else one on the default client. */
function repositoryOf<T extends CrmRecord>(record: T): Repository<T> {
  return (
    (stateOf(record).repository as Repository<T> | undefined) ??
    repositoryFor(record.constructor as ModelConstructor<T>)
  );
}

/**
 * The base class of record models, active-record style:
 * ```ts
 * @CrmModule('Invoices')
 * class Invoice extends CrmRecord {
 *   @Field('Subject') @IsNotEmpty() subject!: string;
 *   @Lookup('Account_Name', () => Account) account?: Ref<Account>;
 *   @LineItems() lines: LineItem[] = [];
 * }
 * const open = await Invoice.find({ where: { status: In(['Created', 'Approved']) }, take: 50 });  // Invoice[]
 * const invoice = Invoice.create({ subject: 'Q3 licences' });
 * await invoice.save();
 * ```
 * Every record has the system fields below. The static methods run on the default client
 * (`ZCRMRestClient.initialize`); `Model.getRepository(client)` (or `new Repository(Model, client)`) does the
 * same on another client, and records remember the client they came from.
 *
 * Models need a constructor without arguments.
 */
export abstract class CrmRecord {
  /** The record id (a digit string), once the record is stored. */
  id?: string;
  /** When the record was created (`Created_Time`, the instant Zoho sent with its offset). */
  createdTime?: Date;
  /** When the record was last changed (`Modified_Time`). */
  modifiedTime?: Date;
  /** The user who created the record (read-only). */
  createdBy?: UserRef;
  /** The user who last changed the record (read-only). */
  modifiedBy?: UserRef;
  /** The record owner; set `{ id }` to give the record to another user. */
  owner?: UserRef;
  /** The record's tags (read-only here; `addTags`/`removeTags` change them). */
  tags?: RecordTag[];

  // ------------------------------------------------------------ statics (default client)

  /** The repository of this model on `client` (default: the process-wide client). */
  static getRepository<T extends CrmRecord>(
    this: ModelConstructor<T>,
    client?: ZCRMRestClient,
  ): Repository<T> {
    return repositoryFor(this, client);
  }

  /** A new record of this model, nothing sent: `Invoice.create({ subject: 'Q3' })`. */
  static create<T extends CrmRecord>(this: ModelConstructor<T>, init: CreateInput<T> = {}): T {
    const record = new this();
    for (const [key, value] of Object.entries(init)) {
      if (value !== undefined) (record as Record<string, unknown>)[key] = value;
    }
    return record;
  }

  /** A reference to a record of this model, for lookups: `invoice.account = Account.ref(accountId)`. */
  static ref<T extends CrmRecord>(this: ModelConstructor<T>, id: string, name?: string): Ref<T> {
    return repositoryFor(this).ref(id, name);
  }

  /**
   * The matching records; every one of them when `take` is omitted (see `iterate`). `relations:
   * { account: true }` loads the referenced records too, batched by id (see `Repository.find`).
   */
  static async find<T extends CrmRecord, R extends FindOptionsRelations<T> = NoRelations>(
    this: ModelConstructor<T>,
    options?: FindOptions<T, R>,
  ): Promise<WithRelations<T, R>[]> {
    return repositoryFor(this).find<R>(options);
  }

  /** `find({ where })`. */
  static async findBy<T extends CrmRecord>(
    this: ModelConstructor<T>,
    where: FindOptionsWhere<T> | readonly FindOptionsWhere<T>[],
  ): Promise<T[]> {
    return repositoryFor(this).findBy(where);
  }

  /** The first matching record, or `null`. */
  static async findOne<T extends CrmRecord, R extends FindOptionsRelations<T> = NoRelations>(
    this: ModelConstructor<T>,
    options?: FindOneWithOptions<T, R>,
  ): Promise<WithRelations<T, R> | null> {
    return repositoryFor(this).findOne<R>(options);
  }

  /** The first record matching `where`, or `null`. */
  static async findOneBy<T extends CrmRecord>(
    this: ModelConstructor<T>,
    where: FindOptionsWhere<T> | readonly FindOptionsWhere<T>[],
  ): Promise<T | null> {
    return repositoryFor(this).findOneBy(where);
  }

  /** The first matching record; `CrmRecordNotFoundError` when there is none. */
  static async findOneOrFail<T extends CrmRecord, R extends FindOptionsRelations<T> = NoRelations>(
    this: ModelConstructor<T>,
    options?: FindOneWithOptions<T, R>,
  ): Promise<WithRelations<T, R>> {
    return repositoryFor(this).findOneOrFail<R>(options);
  }

  /** The first record matching `where`; `CrmRecordNotFoundError` when there is none. */
  static async findOneByOrFail<T extends CrmRecord>(
    this: ModelConstructor<T>,
    where: FindOptionsWhere<T> | readonly FindOptionsWhere<T>[],
  ): Promise<T> {
    return repositoryFor(this).findOneByOrFail(where);
  }

  /** The record with this id (every field), or `null`. */
  static async findById<T extends CrmRecord>(this: ModelConstructor<T>, id: string): Promise<T | null> {
    return repositoryFor(this).findById(id);
  }

  /** The record with this id; `CrmRecordNotFoundError` when there is none. */
  static async findByIdOrFail<T extends CrmRecord>(this: ModelConstructor<T>, id: string): Promise<T> {
    return repositoryFor(this).findByIdOrFail(id);
  }

  /** How many records match. */
  static async count<T extends CrmRecord>(
    this: ModelConstructor<T>,
    options?: Pick<FindManyOptions<T>, 'where'>,
  ): Promise<number> {
    return repositoryFor(this).count(options);
  }

  /** True when at least one record matches. */
  static async exists<T extends CrmRecord>(
    this: ModelConstructor<T>,
    options?: Pick<FindManyOptions<T>, 'where'>,
  ): Promise<boolean> {
    return repositoryFor(this).exists(options);
  }

  /** The matching records one at a time, a page per call, past every paging wall (`for await … of`). */
  static async *iterate<T extends CrmRecord, R extends FindOptionsRelations<T> = NoRelations>(
    this: ModelConstructor<T>,
    options?: FindOptions<T, R>,
  ): AsyncGenerator<WithRelations<T, R>, void, undefined> {
    yield* repositoryFor(this).iterate<R>(options);
  }

  /** An immutable, awaitable query builder; `compile()` shows what it sends. */
  static createQueryBuilder<T extends CrmRecord>(this: ModelConstructor<T>): SelectQueryBuilder<T, T> {
    return repositoryFor(this).createQueryBuilder();
  }

  /** What `find(options)` sends first (nothing is sent). */
  static compile<T extends CrmRecord>(
    this: ModelConstructor<T>,
    options?: FindManyOptions<T>,
    compileOptions?: CompileOptions,
  ): CompiledQuery {
    return repositoryFor(this).compile(options, compileOptions);
  }

  /** Saves many records, 100 per call, `concurrency` calls at once; one result per input. */
  static async saveMany<T extends CrmRecord>(
    this: ModelConstructor<T>,
    records: readonly T[],
    options?: SaveManyOptions,
  ): Promise<WriteResult<T>[]> {
    return repositoryFor(this).saveMany(records, options);
  }

  /** Inserts or updates by duplicate check (`{ duplicateCheckFields: ['subject'] }`); one result per input. */
  static async upsert<T extends CrmRecord>(
    this: ModelConstructor<T>,
    records: readonly T[],
    options?: UpsertOptions<T>,
  ): Promise<WriteResult<T>[]> {
    return repositoryFor(this).upsert(records, options);
  }

  /** Deletes records or ids, 100 per call; one result per input. */
  static async deleteMany<T extends CrmRecord>(
    this: ModelConstructor<T>,
    items: ReadonlyArray<T | string>,
    options?: BatchOptions,
  ): Promise<DeleteResult<T>[]> {
    return repositoryFor(this).deleteMany(items, options);
  }

  // ------------------------------------------------------------ instance

  /**
   * Inserts the record, or sends the fields changed since it was read or saved (nothing when none did).
   * Validates first; see `Repository.save`.
   */
  async save(options?: SaveOptions): Promise<this> {
    return (await repositoryOf(this).save(this, options)) as this;
  }

  /** Deletes the record; its `id` is unset afterwards. */
  async remove(): Promise<this> {
    return (await repositoryOf(this).remove(this)) as this;
  }

  /** Re-reads every field from Zoho. */
  async reload(): Promise<this> {
    return (await repositoryOf(this).reload(this)) as this;
  }

  // ------------------------------------------------------------ notes, attachments, photo, tags, related lists
  // Through the record's repository (`Repository.addNote` …), so on the client the record came from.

  /** Adds a note to the saved record: `await invoice.addNote({ title: 'Sent', content: 'Mailed to finance' })`. */
  addNote(note: NoteInput, options?: ExtrasOptions): Promise<ZCRMNote> {
    return repositoryOf(this).addNote(this, note, options);
  }

  /** The record's notes (every page unless `page` is given). */
  notes(options?: NotesOptions): Promise<ZCRMNote[]> {
    return repositoryOf(this).notes(this, options);
  }

  /** Deletes one of the record's notes. */
  removeNote(note: ZCRMNote | string, options?: ExtrasOptions): Promise<void> {
    return repositoryOf(this).removeNote(this, note, options);
  }

  /** Attaches a file: a path, a Buffer or a stream (`await invoice.attach('./q3.pdf')`). */
  attach(source: UploadSource, options?: AttachOptions): Promise<ZCRMAttachment> {
    return repositoryOf(this).attach(this, source, options);
  }

  /** Attaches a link (a URL) instead of a file. */
  attachLink(url: string, options?: ExtrasOptions): Promise<ZCRMAttachment> {
    return repositoryOf(this).attachLink(this, url, options);
  }

  /** The record's attachments (every page unless `page` is given). */
  attachments(options?: AttachmentsOptions): Promise<ZCRMAttachment[]> {
    return repositoryOf(this).attachments(this, options);
  }

  /** Downloads an attachment to a file path, a directory or a writable stream. */
  downloadAttachment(
    attachment: ZCRMAttachment | string,
    target: DownloadTarget,
    options?: FileDownloadOptions,
  ): Promise<DownloadedFile> {
    return repositoryOf(this).downloadAttachment(this, attachment, target, options);
  }

  /** Deletes one of the record's attachments. */
  removeAttachment(attachment: ZCRMAttachment | string, options?: ExtrasOptions): Promise<void> {
    return repositoryOf(this).removeAttachment(this, attachment, options);
  }

  /** Uploads the record's photo (modules with photos: Leads, Contacts, Accounts, Products, Vendors). */
  uploadPhoto(source: UploadSource, options?: PhotoOptions): Promise<void> {
    return repositoryOf(this).uploadPhoto(this, source, options);
  }

  /** Downloads the record's photo; undefined when it has none. */
  downloadPhoto(target: DownloadTarget, options?: FileDownloadOptions): Promise<DownloadedFile | undefined> {
    return repositoryOf(this).downloadPhoto(this, target, options);
  }

  /** Deletes the record's photo. */
  deletePhoto(options?: ExtrasOptions): Promise<void> {
    return repositoryOf(this).deletePhoto(this, options);
  }

  /** Tags the record (1 to 10 names); resolves with every tag it carries afterwards and updates `tags`. */
  addTags(names: readonly string[], options?: TagsOptions): Promise<string[]> {
    return repositoryOf(this).addTags(this, names, options);
  }

  /** Takes tags off the record; resolves with the tags left and updates `tags`. */
  removeTags(names: readonly string[], options?: ExtrasOptions): Promise<string[]> {
    return repositoryOf(this).removeTags(this, names, options);
  }

  /**
   * A related list of the record, by model (`invoice.related(Product)`: records come back as `Product`s) or by
   * API name (`lead.related('Campaigns')`), with `list()`, `link()` and `unlink()`.
   */
  related<R extends object>(target: RelatedModel<R>, options?: RelatedOptions<R>): RelatedList<R>;
  related(target: string, options?: RelatedOptions<ZCRMRecord>): RelatedList<ZCRMRecord>;
  related<R extends object>(
    target: RelatedModel<R> | string,
    options?: RelatedOptions<R> | RelatedOptions<ZCRMRecord>,
  ): RelatedList<R> | RelatedList<ZCRMRecord> {
    return typeof target === 'string'
      ? repositoryOf(this).related(this, target, options as RelatedOptions<ZCRMRecord>)
      : repositoryOf(this).related(this, target, options as RelatedOptions<R>);
  }
}
