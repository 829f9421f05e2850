import { ZCRMRestClient } from '../api/rest-client';
import type { Json } from '../api/mappers/json-utils';
import { ValidationException } from '../errors/validation-exception';
import { buildQuery } from '../query/build-query';
import type { CompiledQuery, CompileOptions } from '../query/compilers/compiled-query';
import type {
  FindManyOptions,
  FindOneOptions,
  FindOptionsWhere,
  PropertyKeys,
  QueryableKeys,
} from '../query/find-options';
import { compileQuery } from '../query/planner';
import { SelectQueryBuilder } from '../query/select-query-builder';
import type { FieldMetadata, ModelClass } from '../metadata/field-metadata';
import { getMapping, ModelMapping } from './mapping/model-mapping';
import { stateOf } from './state/record-state';
import type { PageReadOptions } from './query/read-pages';
import { Ref, RefLoader } from './values/ref';
import { CrmRecordNotFoundError } from './errors/crm-record-not-found-error';
import { OrmErrors } from './errors/orm-errors';
import { isRecordId } from './support/record-id';
import { RecordReader } from './query/record-reader';
import { bulkReadPages, BulkReadOption } from './query/bulk-read-pages';
import { decodeCursor, encodeCursor, queryFingerprint } from './query/page-cursor';
import { FindOptionsRelations, FindResult, NoRelations, relationFields } from './query/relations';
import { BatchWriter } from './write/batch-writer';
import type { BatchOptions, SaveManyOptions, SaveOptions, UpsertOptions } from './write/write-options';
import type { DeleteResult, WriteResult } from './write/write-result';
import type { ZCRMNote } from '../api/entities/zcrm-note';
import type { ZCRMAttachment } from '../api/entities/zcrm-attachment';
import type { ZCRMRecord } from '../api/entities/zcrm-record';
import type { UploadSource } from '../api/files/upload-source';
import * as extras from './extras';
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
  ModelHydrator,
  RelatedList,
  RelatedModel,
  RelatedOptions,
  TagsOptions,
} from './extras';

/** A model class the ORM can instantiate (a `CrmRecord` subclass with `@CrmModule`). */
export type ModelConstructor<T> = (new () => T) & { prototype: T };

/** The properties `create()` takes: the model's data properties, each optional. */
export type CreateInput<T> = { [K in PropertyKeys<T>]?: T[K] };

/** `relations`: the lookups to load with the records (see {@link Repository.find}). */
export interface RelationOptions<T, R extends FindOptionsRelations<T> = FindOptionsRelations<T>> {
  /** Lookups to load with the records, `{ account: true }`: each then holds the referenced record. */
  relations?: R;
}

/** `select`: the properties to read (the id always comes back); the records' type keeps only them. */
export interface SelectOptions<S> {
  select?: readonly S[];
}

/** Options of `find` and `iterate`: TypeORM's find options, `relations`, and the records per call. */
export type FindOptions<
  T,
  R extends FindOptionsRelations<T> = FindOptionsRelations<T>,
  S extends QueryableKeys<T> = QueryableKeys<T>,
> = Omit<FindManyOptions<T>, 'select'> & SelectOptions<S> & RelationOptions<T, R> & PageReadOptions;

/** Options of `findOne`: TypeORM's options for one record, `select` and `relations`. */
export type FindOneWithOptions<
  T,
  R extends FindOptionsRelations<T> = FindOptionsRelations<T>,
  S extends QueryableKeys<T> = QueryableKeys<T>,
> = Omit<FindOneOptions<T>, 'select'> & SelectOptions<S> & RelationOptions<T, R>;

/** What `findPage` takes besides the find options: the page size and where to start. */
export interface FindPageOptions {
  /** Records per page. */
  take: number;
  /** The `nextCursor` of the page before; the first page when omitted. */
  cursor?: string;
}

/** A page of `findPage`: its records, and the cursor of the next page (undefined on the last page). */
export interface RecordPage<T> {
  items: T[];
  nextCursor?: string;
}

export type {
  BatchOptions,
  DuplicateCheckField,
  SaveManyOptions,
  SaveOptions,
  UpsertOptions,
} from './write/write-options';

/**
 * The ORM's operations on one model through one client: what `Invoice.find()` and `invoice.save()` do on
 * the default client (`ZCRMRestClient.getInstance()`), on any client you choose, so several orgs (or users)
 * work side by side in one process:
 * ```ts
 * const invoices = new Repository(Invoice, euClient);   // or getRepository(Invoice, euClient)
 * const open = await invoices.find({ where: { status: 'Created' } });
 * ```
 * Records read or saved through a repository remember it: their `save()`, `reload()` and `remove()` go
 * through the same client.
 */
export class Repository<T extends object> {
  readonly #client?: ZCRMRestClient;

  constructor(
    readonly model: ModelConstructor<T>,
    client?: ZCRMRestClient,
  ) {
    this.#client = client;
    // Fails here, not at the first call, when the class is not a model.
    getMapping(model);
  }

  /** The client calls go through: the one given, else the process-wide one at the time of the call. */
  get client(): ZCRMRestClient {
    return this.#client ?? ZCRMRestClient.getInstance();
  }

  /** The module API name (`Invoices`). */
  get module(): string {
    return this.mapping.module;
  }

  /** @internal How the model maps to Zoho's JSON. */
  get mapping(): ModelMapping {
    return getMapping(this.model);
  }

  // ---------------------------------------------------------------- making records

  /** A new record (nothing is sent): `create({ subject: 'Q3' })`. Bound to this repository's client. */
  create(init: CreateInput<T> = {}): T {
    const record = new this.model();
    for (const [key, value] of Object.entries(init)) {
      if (value !== undefined) (record as Record<string, unknown>)[key] = value;
    }
    stateOf(record).repository = this;
    return record;
  }

  /** A reference to a record of this model by id, for lookups (`invoice.account = accounts.ref(id)`). */
  ref(id: string, name?: string): Ref<T> {
    if (!isRecordId(id)) throw OrmErrors.badId(this.mapping.name, id);
    return new Ref(id, { name, model: this.model, module: this.module, loader: this.loader });
  }

  // ---------------------------------------------------------------- reading

  /** What the query sends first: backend, request and COQL/criteria text (nothing is sent). */
  compile(options: FindManyOptions<T> = {}, compileOptions?: CompileOptions): CompiledQuery {
    return compileQuery(this.model, options, compileOptions);
  }

  /**
   * The matching records: every one of them when `take` is omitted, however many calls that takes (past
   * Zoho's 2,000-record and COQL's 10,000-record walls, see {@link iterate}).
   *
   * `relations: { account: true }` loads the records the lookups refer to, batched by id (one
   * `GET /Accounts?ids=…` per 100 distinct accounts, never one call per record); `invoice.account` is then
   * an `Account` (typed so), or undefined when the lookup is empty.
   */
  async find<S extends QueryableKeys<T> = QueryableKeys<T>, R extends FindOptionsRelations<T> = NoRelations>(
    options: FindOptions<T, R, S> = {},
  ): Promise<FindResult<T, S, R>[]> {
    return (await this.readAll(options)) as unknown as FindResult<T, S, R>[];
  }

  /** `find({ where })`. */
  async findBy(where: FindOptionsWhere<T> | readonly FindOptionsWhere<T>[]): Promise<T[]> {
    return this.readAll({ where });
  }

  /** The first matching record, or `null` (`relations` as for {@link find}). */
  async findOne<
    S extends QueryableKeys<T> = QueryableKeys<T>,
    R extends FindOptionsRelations<T> = NoRelations,
  >(options: FindOneWithOptions<T, R, S> = {}): Promise<FindResult<T, S, R> | null> {
    const [record] = await this.find<S, R>({ ...options, take: 1 });
    return record ?? null;
  }

  /** The first record matching `where`, or `null`. A `where` of the id alone reads the record by id. */
  async findOneBy(where: FindOptionsWhere<T> | readonly FindOptionsWhere<T>[]): Promise<T | null> {
    const byId = idOnly(where);
    if (byId !== undefined) return this.findById(byId);
    const [record] = await this.readAll({ where, take: 1 });
    return record ?? null;
  }

  /** The first matching record; a {@link CrmRecordNotFoundError} when there is none. */
  async findOneOrFail<
    S extends QueryableKeys<T> = QueryableKeys<T>,
    R extends FindOptionsRelations<T> = NoRelations,
  >(options: FindOneWithOptions<T, R, S> = {}): Promise<FindResult<T, S, R>> {
    const record = await this.findOne<S, R>(options);
    if (record === null) throw CrmRecordNotFoundError.of(this.mapping.name, this.module, options.where ?? {});
    return record;
  }

  /** The first record matching `where`; a {@link CrmRecordNotFoundError} when there is none. */
  async findOneByOrFail(where: FindOptionsWhere<T> | readonly FindOptionsWhere<T>[]): Promise<T> {
    const record = await this.findOneBy(where);
    if (record === null) throw CrmRecordNotFoundError.of(this.mapping.name, this.module, where);
    return record;
  }

  /** The record with this id (every field, line items included), or `null` when there is none. */
  async findById(id: string): Promise<T | null> {
    const json = await this.reader.byId(id);
    return json === undefined ? null : this.reader.hydrate(json);
  }

  /** The record with this id; a {@link CrmRecordNotFoundError} when there is none. */
  async findByIdOrFail(id: string): Promise<T> {
    const record = await this.findById(id);
    if (record === null) throw CrmRecordNotFoundError.of(this.mapping.name, this.module, { id });
    return record;
  }

  /**
   * The matching records and how many match in all (TypeORM's `findAndCount`): `take`/`skip` apply to the
   * records, not to the count. Zoho's v2 responses carry no total (`info.count` is the size of the page), so
   * the count is read id-only (see {@link count}), unless the records read are already all of them.
   */
  async findAndCount<
    S extends QueryableKeys<T> = QueryableKeys<T>,
    R extends FindOptionsRelations<T> = NoRelations,
  >(options: FindOptions<T, R, S> = {}): Promise<[FindResult<T, S, R>[], number]> {
    const records = await this.find<S, R>(options);
    const complete = options.take === undefined && (options.skip ?? 0) === 0;
    return [records, complete ? records.length : await this.count({ where: options.where })];
  }

  /**
   * One page of a list shown page by page (a web UI's "next"), and the cursor of the page after it:
   * ```ts
   * const { items, nextCursor } = await invoices.findPage({ where, order: { id: 'ASC' }, take: 50, cursor });
   * ```
   * Pass `nextCursor` back (with the same `where` and `order`) for the next page; it is undefined on the last
   * page. Cursors are opaque strings; one given with another query is refused. Give an `order` for a stable
   * list (records are paged by offset in it).
   */
  async findPage<
    S extends QueryableKeys<T> = QueryableKeys<T>,
    R extends FindOptionsRelations<T> = NoRelations,
  >(
    options: Omit<FindOptions<T, R, S>, 'skip' | 'take'> & FindPageOptions,
  ): Promise<RecordPage<FindResult<T, S, R>>> {
    const { cursor, take, ...rest } = options;
    if (!Number.isInteger(take) || take < 1)
      throw OrmErrors.badOption('take', `must be a positive integer, got ${JSON.stringify(take)}`);
    const planned = this.compile({ where: rest.where, order: rest.order });
    const fingerprint = queryFingerprint(
      `${this.module}|${planned.backend}|${planned.text ?? ''}|${JSON.stringify(planned.params)}`,
    );
    const skip = cursor === undefined ? 0 : decodeCursor(cursor, fingerprint);
    const records = await this.find<S, R>({ ...rest, skip, take: take + 1 });
    const items = records.slice(0, take);
    return records.length > take ? { items, nextCursor: encodeCursor(fingerprint, skip + take) } : { items };
  }

  /** How many records match (read id-only, 2,000 per COQL call). */
  async count(options: Pick<FindManyOptions<T>, 'where'> = {}): Promise<number> {
    return this.reader.count(buildQuery(this.model, { where: options.where, select: ['id'] as never }));
  }

  /** True when at least one record matches. */
  async exists(options: Pick<FindManyOptions<T>, 'where'> = {}): Promise<boolean> {
    return this.reader.exists(
      buildQuery(this.model, { where: options.where, select: ['id'] as never, take: 1 }),
    );
  }

  /**
   * The matching records one at a time, reading a page per call as you go (memory stays at one page):
   * ```ts
   * for await (const invoice of Invoice.iterate({ where: { status: 'Created' } })) …
   * ```
   * Reaches every matching record: list pages without end, COQL by offset to 10,000 and then by id (for
   * queries in id order). It never stops early in silence: a query that cannot be read further (COQL
   * ordered by another field past 10,000 records) fails with an error naming the limit.
   *
   * `{ bulk: true }` reads the whole module through Zoho's Bulk Read jobs instead (200,000 records per job,
   * see {@link BulkReadOption}): for large modules, far fewer calls and credits.
   */
  async *iterate<
    S extends QueryableKeys<T> = QueryableKeys<T>,
    R extends FindOptionsRelations<T> = NoRelations,
  >(
    options: FindOptions<T, R, S> & BulkReadOption = {},
  ): AsyncGenerator<FindResult<T, S, R>, void, undefined> {
    if (options.bulk) {
      const { bulk, ...find } = options;
      const pages = bulkReadPages(this as unknown as Repository<object>, find, bulk === true ? {} : bulk);
      for await (const json of pages) yield this.reader.hydrate(json) as unknown as FindResult<T, S, R>;
      return;
    }
    const relations = relationFields(this.mapping, options.relations);
    const query = buildQuery(this.model, withRelationsSelected(options, relations));
    yield* this.reader.each(query, options, relations) as unknown as AsyncGenerator<
      FindResult<T, S, R>,
      void,
      undefined
    >;
  }

  /** An immutable, awaitable query builder over this repository (`compile()` shows what it sends). */
  createQueryBuilder(): SelectQueryBuilder<T, T> {
    return new SelectQueryBuilder<T, T>(this.model, (node) => this.reader.all(node));
  }

  /** Re-reads a record in place (every field); a {@link CrmRecordNotFoundError} when it no longer exists. */
  async reload(record: T): Promise<T> {
    this.checkRecord(record);
    const id = (record as { id?: string }).id;
    if (id === undefined || id === null || id === '')
      throw OrmErrors.notPersisted(this.mapping.name, 'reload');
    const json = await this.reader.byId(id);
    if (json === undefined) throw CrmRecordNotFoundError.of(this.mapping.name, this.module, { id });
    this.reader.refresh(record, json);
    return record;
  }

  // ---------------------------------------------------------------- writing

  /**
   * Inserts a new record (no id) or sends the fields changed since it was read or last saved; nothing is
   * sent when nothing changed. Validation (class-validator and the ORM's checks) runs first: a
   * `CrmValidationError` lists every bad field and nothing is sent. After an insert the record has its id and
   * system fields; after a write of line items or subform rows it is re-read (see `reload`).
   */
  async save(record: T, options: SaveOptions = {}): Promise<T> {
    this.checkRecord(record);
    const [result] = await this.writer.write([record], 'save', { ...options, concurrency: 1 });
    if (!result.ok) throw result.error;
    if (result.reloadError) throw result.reloadError;
    return record;
  }

  /**
   * Saves many records (inserts and updates), 100 per call with `concurrency` calls in flight, and returns
   * one result per input in input order: success with the id, or the error (Zoho's, or a validation error
   * for a record that was not sent). A failed record never fails the others.
   */
  async saveMany(records: readonly T[], options: SaveManyOptions = {}): Promise<WriteResult<T>[]> {
    records.forEach((r) => this.checkRecord(r));
    return this.writer.write(records, 'save', options);
  }

  /**
   * Inserts or updates by Zoho's duplicate check (`POST /{module}/upsert`), 100 per call; one result per
   * input, whose `action` says whether it was an insert or an update.
   */
  async upsert(records: readonly T[], options: UpsertOptions<T> = {}): Promise<WriteResult<T>[]> {
    records.forEach((r) => this.checkRecord(r));
    return this.writer.write(records, 'upsert', options);
  }

  /** Deletes a record; its `id` is unset afterwards. */
  async remove(record: T): Promise<T> {
    this.checkRecord(record);
    const id = (record as { id?: string }).id;
    if (id === undefined || id === null || id === '')
      throw OrmErrors.notPersisted(this.mapping.name, 'remove');
    const [result] = await this.deleteMany([record], { concurrency: 1 });
    if (!result.ok) throw result.error;
    return record;
  }

  /**
   * Deletes records (or ids), 100 per call with `concurrency` calls in flight; one result per input. Inputs
   * without a valid id fail without a request.
   */
  async deleteMany(items: ReadonlyArray<T | string>, options: BatchOptions = {}): Promise<DeleteResult<T>[]> {
    items.forEach((item) => typeof item !== 'string' && this.checkRecord(item));
    return this.writer.deleteMany(items, options);
  }

  // ---------------------------------------------------------------- notes, attachments, photo, tags, related
  // The record extras (`src/orm/extras`) on this repository's client, whatever client the record came from.

  /** Adds a note to a saved record. */
  addNote(record: T, note: NoteInput, options?: ExtrasOptions): Promise<ZCRMNote> {
    return extras.addNote(record, note, this.on(options));
  }

  /** A record's notes. */
  notes(record: T, options?: NotesOptions): Promise<ZCRMNote[]> {
    return extras.notes(record, this.on(options));
  }

  /** Deletes one of a record's notes. */
  removeNote(record: T, note: ZCRMNote | string, options?: ExtrasOptions): Promise<void> {
    return extras.removeNote(record, note, this.on(options));
  }

  /** Attaches a file (a path, a Buffer or a stream) to a saved record. */
  attach(record: T, source: UploadSource, options?: AttachOptions): Promise<ZCRMAttachment> {
    return extras.attach(record, source, this.on(options));
  }

  /** Attaches a link to a saved record. */
  attachLink(record: T, url: string, options?: ExtrasOptions): Promise<ZCRMAttachment> {
    return extras.attachLink(record, url, this.on(options));
  }

  /** A record's attachments. */
  attachments(record: T, options?: AttachmentsOptions): Promise<ZCRMAttachment[]> {
    return extras.attachments(record, this.on(options));
  }

  /** Downloads one of a record's attachments to a path, a directory or a stream. */
  downloadAttachment(
    record: T,
    attachment: ZCRMAttachment | string,
    target: DownloadTarget,
    options?: FileDownloadOptions,
  ): Promise<DownloadedFile> {
    return extras.downloadAttachment(record, attachment, target, this.on(options));
  }

  /** Deletes one of a record's attachments. */
  removeAttachment(record: T, attachment: ZCRMAttachment | string, options?: ExtrasOptions): Promise<void> {
    return extras.removeAttachment(record, attachment, this.on(options));
  }

  /** Uploads a record's photo. */
  uploadPhoto(record: T, source: UploadSource, options?: PhotoOptions): Promise<void> {
    return extras.uploadPhoto(record, source, this.on(options));
  }

  /** Downloads a record's photo; undefined when it has none. */
  downloadPhoto(
    record: T,
    target: DownloadTarget,
    options?: FileDownloadOptions,
  ): Promise<DownloadedFile | undefined> {
    return extras.downloadPhoto(record, target, this.on(options));
  }

  /** Deletes a record's photo. */
  deletePhoto(record: T, options?: ExtrasOptions): Promise<void> {
    return extras.deletePhoto(record, this.on(options));
  }

  /** Tags a saved record; resolves with every tag it carries afterwards. */
  addTags(record: T, names: readonly string[], options?: TagsOptions): Promise<string[]> {
    return extras.addTags(record, names, this.on(options));
  }

  /** Takes tags off a saved record; resolves with the tags left. */
  removeTags(record: T, names: readonly string[], options?: ExtrasOptions): Promise<string[]> {
    return extras.removeTags(record, names, this.on(options));
  }

  /** A related list of a saved record, by model or by related-list API name (`list`, `link`, `unlink`). */
  related<R extends object>(record: T, target: RelatedModel<R>, options?: RelatedOptions<R>): RelatedList<R>;
  related(record: T, target: string, options?: RelatedOptions<ZCRMRecord>): RelatedList<ZCRMRecord>;
  related<R extends object>(
    record: T,
    target: RelatedModel<R> | string,
    options?: RelatedOptions<R> | RelatedOptions<ZCRMRecord>,
  ): RelatedList<R> | RelatedList<ZCRMRecord> {
    return typeof target === 'string'
      ? extras.related(record, target, this.on(options as RelatedOptions<ZCRMRecord>))
      : extras.related(record, target, this.on(options as RelatedOptions<R>), modelHydrator);
  }

  /** Extras options with this repository's client (an explicit `client` in them wins, and is all they need). */
  private on<O extends ExtrasOptions>(options: O | undefined): O {
    return (options?.client ? options : { ...options, client: this.client }) as O;
  }

  // ---------------------------------------------------------------- internals

  /** `find` without the typing of `select` and `relations`. */
  private async readAll(options: FindOptions<T>): Promise<T[]> {
    const relations = relationFields(this.mapping, options.relations);
    const query = buildQuery(this.model, withRelationsSelected(options, relations));
    return this.reader.all(query, options, relations);
  }

  /** The read engine, reading for this repository. */
  private readonly reader = new RecordReader<T>(this, (model, client) =>
    modelHydrator(model as never, client),
  );
  /** The batch-write engine, writing for this repository. */
  private readonly writer = new BatchWriter<T>(this);

  /** How refs read by this repository load their records: through the same client. */
  readonly loader: RefLoader = {
    load: (model, module, id) => loadRef(model, module, id, this.#client),
  };

  /** @internal A record from its JSON, bound to this repository, with what Zoho has remembered. */
  hydrate(json: Json): T {
    return this.reader.hydrate(json);
  }

  private checkRecord(record: unknown): void {
    if (!(record instanceof this.model)) {
      const got =
        record === null
          ? 'null'
          : typeof record === 'object'
            ? (record.constructor?.name ?? 'object')
            : typeof record;
      throw OrmErrors.wrongModel(this.mapping.name, got);
    }
  }
}

/** The options with the lookups of `relations` added to a `select` (their ids are what loading needs). */
function withRelationsSelected<O extends { select?: readonly unknown[] }>(
  options: O,
  relations: readonly FieldMetadata[],
): O {
  if (options.select === undefined || relations.length === 0) return options;
  const select = new Set([...options.select, ...relations.map((f) => f.propertyName)]);
  return { ...options, select: [...select] };
}

/** `{ id }` alone (an equality on the id): read by id instead of querying. */
function idOnly(where: unknown): string | undefined {
  if (typeof where !== 'object' || where === null || Array.isArray(where)) return undefined;
  const keys = Object.keys(where);
  const id = (where as { id?: unknown }).id;
  return keys.length === 1 && typeof id === 'string' ? id : undefined;
}

/** Loads a ref's record by its model, through `client` (the default client when undefined). */
async function loadRef(
  model: ModelClass | undefined,
  module: string | undefined,
  id: string,
  client?: ZCRMRestClient,
): Promise<unknown> {
  if (!model) {
    throw new ValidationException({
      statusCode: 0,
      errorCode: 'NO_MODEL',
      errorMessage: `the lookup to record ${id}${module ? ` of ${module}` : ''} declares no model to load it as: give @Lookup a model thunk, or read it with ZCRMRecord.getInstance(module, id).get()`,
      errorDetails: { id, module },
    });
  }
  return new Repository(model as ModelConstructor<object>, client).findByIdOrFail(id);
}

/** Refs made without a repository (`Account.ref(id)`) load through the default client. */
export const defaultRefLoader: RefLoader = {
  load: (model, module, id) => loadRef(model, module, id),
};

/** The repository of `model` on `client` (the default client when omitted). */
export function getRepository<T extends object>(
  model: ModelConstructor<T>,
  client?: ZCRMRestClient,
): Repository<T> {
  return new Repository(model, client);
}

/** @internal How related lists of the extras make model instances: a repository's hydration on their client. */
export const modelHydrator: ModelHydrator = (model, client) => {
  const repository = new Repository(model, client);
  return (json) => repository.hydrate(json);
};
