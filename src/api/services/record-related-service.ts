import * as ops from '../operations/related-operations';
import { entitiesOf, infoOf, JsonObject } from '../operations/item-results';
import type { HttpResponse } from '../../http/http-types';
import type { EntityResponse } from '../responses/entity-response';
import { APIResponse } from '../responses/api-response';
import { BulkAPIResponse } from '../responses/bulk-api-response';
import { parseRecord, valueToJson } from '../mappers/record-mapper';
import { idString, isJsonObject, Json } from '../mappers/json-utils';
import { ValidationException } from '../../errors/validation-exception';
import { PageOptions, paging, requireCount, requireId, requireRecordId } from '../support/checks';
import { multiWrite, singleWrite } from '../support/single-write';
import { bulkWriteResponse, matchEntityResponses } from '../support/write-results';
import { ZCRMJunctionRecord } from '../entities/zcrm-junction-record';
import type { ZCRMRecord } from '../entities/zcrm-record';

/**
 * A record's related lists (seed `ZCRMRecord.get_relatedlist_records`, `add_relation`, `remove_relation`), as
 * functions of the record; beyond the seed, linking and delinking up to 100 records in one call. The one
 * implementation behind `ZCRMRecord`'s related-list methods, `ZCRMModuleRelation`'s and the ORM's
 * (`invoice.related(Product)`), which passes its own hydration of listed records.
 */

/** Records per bulk link/delink call. */
export const MAX_RELATIONS_PER_CALL = 100;

/** Options of {@link ZCRMRecord.getRelatedListRecords}; `page` defaults to 1 and `perPage` to 20, as in the seed. */
export interface RelatedRecordsOptions extends PageOptions {
  sortBy?: string;
  sortOrder?: 'asc' | 'desc';
  /** Only records modified after this ISO-8601 date-time; nothing newer → 304, a `noData` result. */
  ifModifiedSince?: string;
  /**
   * The module of the listed records. Zoho does not say; by default it is the related list's API name, which
   * is the module's name for the standard lists (`Contacts`, `Deals`, `Products` …).
   */
  moduleApiName?: string;
}

/**
 * The records on one of the record's related lists (`GET /{module}/{id}/{related_list}`), parsed like any
 * record (relation fields such as `Member_Status` land in `fieldData`). An empty list is a `noData` result.
 */
export async function getRelatedListRecords(
  record: ZCRMRecord,
  relatedListApiName: string,
  options: RelatedRecordsOptions = {},
): Promise<BulkAPIResponse<ZCRMRecord>> {
  const module = options.moduleApiName ?? relatedListApiName;
  return relatedRecordsPage(record, relatedListApiName, options, (json) =>
    parseRecord(json, module, { client: record.explicitClient }),
  );
}

/**
 * One page of a related list, each listed record's JSON made into a `T` by `hydrate` (the ORM passes its models'
 * hydration); see {@link getRelatedListRecords}.
 */
export async function relatedRecordsPage<T>(
  record: ZCRMRecord,
  relatedListApiName: string,
  options: Omit<RelatedRecordsOptions, 'moduleApiName'>,
  hydrate: (json: JsonObject) => T,
): Promise<BulkAPIResponse<T>> {
  const id = requireRecordId(record, 'getRelatedListRecords');
  requireId(relatedListApiName, 'relatedListApiName', 'getRelatedListRecords');
  const response = await ops.listRelatedRecords(record.client, record.moduleApiName, id, relatedListApiName, {
    ...paging(options, { page: 1, perPage: 20 }, 'getRelatedListRecords'),
    sortBy: options.sortBy,
    sortOrder: options.sortOrder,
    ifModifiedSince: options.ifModifiedSince,
  });
  return new BulkAPIResponse(response, {
    data: entitiesOf(response, 'data').map(hydrate),
    info: infoOf(response),
  });
}

/**
 * Relates one record (`PUT /{module}/{id}/{junction.apiName}/{junction.id}` with the junction's relation data).
 * `data` is the junction record.
 */
export async function addRelation(
  record: ZCRMRecord,
  junction: ZCRMJunctionRecord,
): Promise<APIResponse<ZCRMJunctionRecord>> {
  const id = requireRecordId(record, 'addRelation');
  requireJunction(junction, 'junction', 'addRelation');
  const { response, item } = await singleWrite(() =>
    ops.linkRelatedRecord(
      record.client,
      record.moduleApiName,
      id,
      junction.apiName,
      junction.id,
      relationJson(junction.relatedData ?? {}),
    ),
  );
  return new APIResponse(response, junction, item);
}

/** Removes one relation (`DELETE /{module}/{id}/{junction.apiName}/{junction.id}`). */
export async function removeRelation(
  record: ZCRMRecord,
  junction: ZCRMJunctionRecord,
): Promise<APIResponse<ZCRMJunctionRecord>> {
  const id = requireRecordId(record, 'removeRelation');
  requireJunction(junction, 'junction', 'removeRelation');
  const { response, item } = await singleWrite(() =>
    ops.delinkRelatedRecord(record.client, record.moduleApiName, id, junction.apiName, junction.id),
  );
  return new APIResponse(response, junction, item);
}

/**
 * Relates up to 100 records through one related list in one call (`PUT /{module}/{id}/{related_list}` with
 * `{"data": [{id, …relation data}]}`). Every junction must name `relatedListApiName`. Each junction gets its
 * `EntityResponse` (matched by position, checked by id); `data` holds the junctions linked.
 */
export async function addRelations(
  record: ZCRMRecord,
  relatedListApiName: string,
  junctions: ZCRMJunctionRecord[],
): Promise<BulkAPIResponse<ZCRMJunctionRecord>> {
  requireRecordId(record, 'addRelations');
  requireJunctions(relatedListApiName, junctions, 'addRelations');
  const { response, results } = await linkRelations(
    record,
    relatedListApiName,
    junctions,
    (j) => ({ id: j.id, data: relationJson(j.relatedData ?? {}) }),
    (j) => j,
  );
  return bulkWriteResponse(response, results);
}

/**
 * Removes up to 100 relations of one related list in one call (`DELETE /{module}/{id}/{related_list}?ids=`).
 * Takes junction records or related ids; each gets its `EntityResponse` (matched by id).
 */
export async function removeRelations(
  record: ZCRMRecord,
  relatedListApiName: string,
  related: Array<ZCRMJunctionRecord | string>,
): Promise<BulkAPIResponse<ZCRMJunctionRecord>> {
  requireRecordId(record, 'removeRelations');
  const junctions = (Array.isArray(related) ? related : []).map((r) =>
    typeof r === 'string' ? ZCRMJunctionRecord.getInstance(relatedListApiName, r) : r,
  );
  requireJunctions(relatedListApiName, junctions, 'removeRelations');
  const { response, results } = await delinkRelations(
    record,
    relatedListApiName,
    junctions,
    (j) => j.id,
    (j) => j,
  );
  return bulkWriteResponse(response, results);
}

/** A record to relate through a related list: its id and the relation's own fields in wire form. */
export interface Relation {
  id: string;
  data: Json;
}

/** What one bulk link or delink call answered, each input paired with its `EntityResponse`. */
export interface RelationResults<D> {
  response: HttpResponse<unknown>;
  results: EntityResponse<D>[];
}

/**
 * Relates up to 100 inputs through one related list in one call (`PUT /{module}/{id}/{related_list}` with
 * `{"data": [{id, …relation data}]}`), inputs checked by the caller. Each input gets its `EntityResponse`
 * (matched by position, checked by id), whose `data` is `dataOf(input)`.
 */
export async function linkRelations<I, D>(
  record: ZCRMRecord,
  relatedListApiName: string,
  inputs: readonly I[],
  relationOf: (input: I) => Relation,
  dataOf: (input: I) => D,
): Promise<RelationResults<D>> {
  const id = requireRecordId(record, 'addRelations');
  const relations = inputs.map(relationOf);
  const response = await multiWrite(() =>
    ops.linkRelatedRecords(
      record.client,
      record.moduleApiName,
      id,
      relatedListApiName,
      relations.map((r) => ({ ...r.data, id: r.id })),
    ),
  );
  return relationResults(response, inputs, (i) => relations[i].id, dataOf);
}

/**
 * Removes up to 100 relations of one related list in one call (`DELETE /{module}/{id}/{related_list}?ids=`),
 * inputs checked by the caller; each input gets its `EntityResponse` (matched by id), `data` being `dataOf(input)`.
 */
export async function delinkRelations<I, D>(
  record: ZCRMRecord,
  relatedListApiName: string,
  inputs: readonly I[],
  idOf: (input: I) => string,
  dataOf: (input: I) => D,
): Promise<RelationResults<D>> {
  const id = requireRecordId(record, 'removeRelations');
  const ids = inputs.map(idOf);
  const response = await multiWrite(() =>
    ops.delinkRelatedRecords(record.client, record.moduleApiName, id, relatedListApiName, ids),
  );
  return relationResults(response, inputs, (i) => ids[i], dataOf);
}

/** Pairs every input with its result of a bulk link or delink (by position, checked by the input's id). */
function relationResults<I, D>(
  response: HttpResponse<unknown>,
  inputs: readonly I[],
  idAt: (index: number) => string,
  dataOf: (input: I) => D,
): RelationResults<D> {
  const body = response.data as Json | undefined;
  const indexes = inputs.map((_input, index) => index);
  const results = matchEntityResponses(
    indexes,
    body?.data,
    (index) => idAt(index),
    (_item, index) => dataOf(inputs[index]),
  );
  return { response, results };
}

/** Relation fields in wire form (records and users as `{id}`, dates as ISO text). */
export function relationJson(data: Record<string, unknown>): Json {
  const json = valueToJson(data);
  return isJsonObject(json) ? json : {};
}

function requireJunction(junction: ZCRMJunctionRecord, name: string, operation: string): void {
  if (!(junction instanceof ZCRMJunctionRecord))
    throw ValidationException.invalidInput(name, `${operation}() needs a ZCRMJunctionRecord`);
  requireId(junction.apiName, `${name}.apiName`, operation);
  if (idString(junction.id) === undefined)
    throw ValidationException.invalidInput(`${name}.id`, `${operation}() needs the related record's id`);
}

function requireJunctions(
  relatedListApiName: string,
  junctions: ZCRMJunctionRecord[],
  operation: string,
): void {
  requireId(relatedListApiName, 'relatedListApiName', operation);
  requireCount(junctions, 'junctions', MAX_RELATIONS_PER_CALL);
  junctions.forEach((junction, i) => {
    requireJunction(junction, `junctions[${i}]`, operation);
    if (junction.apiName !== relatedListApiName) {
      throw ValidationException.invalidInput(
        `junctions[${i}].apiName`,
        `is "${junction.apiName}" but the call relates through "${relatedListApiName}"`,
      );
    }
  });
}
