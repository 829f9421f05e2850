import * as service from '../../api/services/record-related-service';
import type { Relation } from '../../api/services/record-related-service';
import { ZCRMRecord } from '../../api/entities/zcrm-record';
import type { EntityResponse } from '../../api/responses/entity-response';
import { parseRecord } from '../../api/mappers/record-mapper';
import { isJsonObject } from '../../api/mappers/json-utils';
import type { JsonObject } from '../../api/operations/item-results';
import { describeValue } from '../../api/support/describe-value';
import type { ZCRMRestClient } from '../../api/rest-client';
import { ValidationException } from '../../errors/validation-exception';
import { getMetadataStorage } from '../../metadata/metadata-storage';
import type { ModelConstructor } from '../repository';
import { collectPages, ListOptions } from './pages';
import { ExtrasOptions, ExtrasRecord, idOf, ResolvedRecord, resolveRecord } from './record-context';

/**
 * Fields of the relation itself, sent with a link, by API name: `Member_Status` (Campaigns ↔ Leads/Contacts),
 * `list_price` (Price_Books ↔ Products) … Dates become ISO text; records and users `{id}`.
 */
export type RelationData = Record<string, unknown>;

/** A record to link or unlink: its id, the record itself (saved), or a record with its own relation data. */
export type RelatedTarget =
  string | ExtrasRecord | ZCRMRecord | { record: string | ExtrasRecord | ZCRMRecord; data?: RelationData };

/** A class of related records: a model (`@CrmModule`) constructible without arguments. */
export type RelatedModel<T> = ModelConstructor<T>;

/**
 * How listed records of a model become model instances on a client: the repository's hydration, passed in by
 * `Repository` (which owns it) so the extras need not import it back.
 */
export type ModelHydrator = <T extends object>(
  model: RelatedModel<T>,
  client: ZCRMRestClient,
) => (json: JsonObject) => T;

/** Options of `related()` (`invoice.related(Product, options)`). */
export interface RelatedOptions<T = unknown> extends ExtrasOptions {
  /**
   * The related list's API name. By default the model's module API name (`Products`, `Campaigns` …), which is
   * the related list's name for Zoho's standard lists; give it for lists named otherwise.
   */
  relatedList?: string;
  /**
   * The module of the listed records when the related list is given by API name (default: that name); they
   * come back as `ZCRMRecord`s of this module.
   */
  moduleApiName?: string;
  /**
   * How a listed record's JSON becomes a `T`. Default: the model's hydration (`Repository` on the same
   * client), so listed records are full model instances whose `save()`, `reload()` … use that client; relation
   * fields (`list_price`, `Member_Status`) land on properties only when the model declares them
   * (`@Field('list_price', { readonly: true }) listPrice?: number`). By API name: `ZCRMRecord`s keeping every key.
   */
  hydrate?: (json: JsonObject) => T;
}

/** Options of {@link RelatedList.list}: every page unless `page` is given, and the order. */
export interface RelatedListOptions extends ListOptions {
  sortBy?: string;
  sortOrder?: 'asc' | 'desc';
}

/**
 * One related list of a saved record: read it, link records to it and unlink them. Link and unlink never throw
 * for per-record failures: each input gets one `EntityResponse` (in input order, checked by id; `data` is the
 * related id), success or Zoho's error, so a caller sees exactly what failed. Lists longer than 100 go in
 * several calls. Request-level failures (authorisation, a missing parent record …) do throw.
 */
export interface RelatedList<T> {
  /** The related list's API name (`Products`). */
  readonly apiName: string;
  /** The records on the list (`GET /{module}/{id}/{list}`), every page unless `page` is given; `[]` when empty. */
  list(options?: RelatedListOptions): Promise<T[]>;
  /**
   * Relates records (`PUT /{module}/{id}/{list}` with `[{id, …relationData}]`). `relationData` applies to
   * every target that does not carry its own (`{record, data}`).
   */
  link(
    targets: RelatedTarget | readonly RelatedTarget[],
    relationData?: RelationData,
  ): Promise<EntityResponse<string>[]>;
  /** Removes relations (`DELETE /{module}/{id}/{list}?ids=`); the records themselves stay. */
  unlink(targets: RelatedTarget | readonly RelatedTarget[]): Promise<EntityResponse<string>[]>;
}

/**
 * A related list of a saved record, by model (`related(inv, Product)`, records come back as `Product`s) or by
 * related-list API name (`related(lead, 'Campaigns')`, records come back as `ZCRMRecord`s). No request is made
 * until a method is called; the record must have an id (checked here, before any request).
 */
export function related<T extends object>(
  record: ExtrasRecord,
  target: RelatedModel<T>,
  options: RelatedOptions<T> | undefined,
  hydrator: ModelHydrator,
): RelatedList<T>;
export function related(
  record: ExtrasRecord,
  target: string,
  options?: RelatedOptions<ZCRMRecord>,
  hydrator?: ModelHydrator,
): RelatedList<ZCRMRecord>;
export function related<T extends object>(
  record: ExtrasRecord,
  target: RelatedModel<T> | string,
  options: RelatedOptions<T> = {},
  hydrator?: ModelHydrator,
): RelatedList<T> | RelatedList<ZCRMRecord> {
  const context = resolveRecord(record, 'related', options);
  if (typeof target === 'string') {
    const apiName = requireListName(options.relatedList ?? target, context.operation);
    const module = options.moduleApiName ?? apiName;
    const hydrate =
      (options.hydrate as ((json: JsonObject) => ZCRMRecord) | undefined) ??
      ((json: JsonObject) => parseRecord(json, module, { client: context.client }));
    return new RelatedListImpl<ZCRMRecord>(context, apiName, hydrate);
  }
  if (typeof target !== 'function') {
    throw ValidationException.invalidInput(
      'target',
      `${context.operation} needs a model class or a related list API name, got ${describeValue(target)}`,
    );
  }
  const model = getMetadataStorage().getModel(target);
  const apiName = requireListName(options.relatedList ?? model.moduleApiName, context.operation);
  const hydrate = options.hydrate ?? hydrator!(target, context.client);
  return new RelatedListImpl<T>(context, apiName, hydrate);
}

class RelatedListImpl<T> implements RelatedList<T> {
  constructor(
    private readonly context: ResolvedRecord,
    readonly apiName: string,
    private readonly hydrate: (json: JsonObject) => T,
  ) {}

  private get name(): string {
    return this.context.operation.replace(/\(\)$/, `(${JSON.stringify(this.apiName)})`);
  }

  list(options: RelatedListOptions = {}): Promise<T[]> {
    return collectPages(options, `${this.name}.list()`, (page, perPage) =>
      service.relatedRecordsPage(
        this.context.parent,
        this.apiName,
        { page, perPage, sortBy: options.sortBy, sortOrder: options.sortOrder },
        this.hydrate,
      ),
    );
  }

  async link(
    targets: RelatedTarget | readonly RelatedTarget[],
    relationData?: RelationData,
  ): Promise<EntityResponse<string>[]> {
    const operation = `${this.name}.link()`;
    if (relationData !== undefined && !isJsonObject(relationData)) {
      throw ValidationException.invalidInput(
        'relationData',
        `${operation} needs relation fields as an object keyed by API name, got ${describeValue(relationData)}`,
      );
    }
    const relations = this.resolve(targets, operation, relationData ?? {});
    return this.inChunks(relations, (chunk) =>
      service.linkRelations(
        this.context.parent,
        this.apiName,
        chunk,
        (r) => r,
        (r) => r.id,
      ),
    );
  }

  async unlink(targets: RelatedTarget | readonly RelatedTarget[]): Promise<EntityResponse<string>[]> {
    const relations = this.resolve(targets, `${this.name}.unlink()`, {});
    return this.inChunks(relations, (chunk) =>
      service.delinkRelations(
        this.context.parent,
        this.apiName,
        chunk,
        (r) => r.id,
        (r) => r.id,
      ),
    );
  }

  /** Every target's id and relation data, checked before any request. */
  private resolve(
    targets: RelatedTarget | readonly RelatedTarget[],
    operation: string,
    defaults: RelationData,
  ): Relation[] {
    const list: readonly RelatedTarget[] = Array.isArray(targets) ? targets : [targets as RelatedTarget];
    if (list.length === 0)
      throw ValidationException.invalidInput('targets', `${operation} needs at least one record`);
    return list.map((target, index) => {
      const argument = Array.isArray(targets) ? `targets[${index}]` : 'target';
      if (isSpec(target)) {
        if (target.data !== undefined && !isJsonObject(target.data)) {
          throw ValidationException.invalidInput(
            `${argument}.data`,
            `${operation}: relation fields must be an object keyed by API name, got ${describeValue(target.data)}`,
          );
        }
        return {
          id: idOf(target.record, `${argument}.record`, operation),
          data: service.relationJson({ ...defaults, ...(target.data ?? {}) }),
        };
      }
      return { id: idOf(target, argument, operation), data: service.relationJson(defaults) };
    });
  }

  /** Sends the relations 100 at a time, one call after another; every input gets its result, in input order. */
  private async inChunks(
    relations: Relation[],
    send: (chunk: Relation[]) => Promise<service.RelationResults<string>>,
  ): Promise<EntityResponse<string>[]> {
    const results: EntityResponse<string>[] = [];
    for (let start = 0; start < relations.length; start += service.MAX_RELATIONS_PER_CALL) {
      const chunk = relations.slice(start, start + service.MAX_RELATIONS_PER_CALL);
      results.push(...(await send(chunk)).results);
    }
    return results;
  }
}

/** `{record, data}`: a plain object naming the record to link and its relation data. */
function isSpec(
  target: RelatedTarget,
): target is { record: string | ExtrasRecord | ZCRMRecord; data?: RelationData } {
  return (
    typeof target === 'object' &&
    target !== null &&
    Object.getPrototypeOf(target) === Object.prototype &&
    'record' in target
  );
}

/** A related list's API name: a non-empty string. */
function requireListName(value: unknown, operation: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  throw ValidationException.invalidInput(
    'relatedList',
    `${operation} needs a related list API name (Products, Campaigns …), got ${describeValue(value)}`,
  );
}
