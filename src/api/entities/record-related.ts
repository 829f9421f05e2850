import * as ops from '../operations/related-operations';
import { infoOf, listOf } from '../operations/item-results';
import { APIResponse } from '../responses/api-response';
import { BulkAPIResponse } from '../responses/bulk-api-response';
import { parseRecord, valueToJson } from '../mappers/record-mapper';
import { idString, isJsonObject, Json } from '../mappers/json-utils';
import { ValidationException } from '../../errors/validation-exception';
import { PageOptions, paging, requireCount, requireId, requireRecordId } from '../support/checks';
import { multiWrite, singleWrite } from '../support/single-write';
import { bulkWriteResponse, matchEntityResponses } from '../support/write-results';
import { ZCRMJunctionRecord } from './zcrm-junction-record';
import type { ZCRMRecord } from './zcrm-record';

/**
 * A record's related lists (seed `ZCRMRecord.get_relatedlist_records`, `add_relation`, `remove_relation`), as
 * functions of the record; beyond the seed, linking and delinking up to 100 records in one call.
 */

/** Records per bulk link/delink call. */
export const MAX_RELATIONS_PER_CALL = 100;

/** Options of {@link getRelatedListRecords}; `page` defaults to 1 and `perPage` to 20, as in the seed. */
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
  const id = requireRecordId(record, 'getRelatedListRecords');
  requireId(relatedListApiName, 'relatedListApiName', 'getRelatedListRecords');
  const response = await ops.listRelatedRecords(record.client, record.moduleApiName, id, relatedListApiName, {
    ...paging(options, { page: 1, perPage: 20 }, 'getRelatedListRecords'),
    sortBy: options.sortBy,
    sortOrder: options.sortOrder,
    ifModifiedSince: options.ifModifiedSince,
  });
  const module = options.moduleApiName ?? relatedListApiName;
  const data = listOf(response, 'data').map((json) =>
    parseRecord(json, module, { client: record.explicitClient }),
  );
  return new BulkAPIResponse(response, { data, info: infoOf(response) });
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
      relationJson(junction),
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
  const id = requireRecordId(record, 'addRelations');
  requireJunctions(relatedListApiName, junctions, 'addRelations');
  const links = junctions.map((j) => ({ ...relationJson(j), id: j.id }));
  const response = await multiWrite(() =>
    ops.linkRelatedRecords(record.client, record.moduleApiName, id, relatedListApiName, links),
  );
  return junctionResults(response, junctions);
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
  const id = requireRecordId(record, 'removeRelations');
  const junctions = (Array.isArray(related) ? related : []).map((r) =>
    typeof r === 'string' ? ZCRMJunctionRecord.getInstance(relatedListApiName, r) : r,
  );
  requireJunctions(relatedListApiName, junctions, 'removeRelations');
  const response = await multiWrite(() =>
    ops.delinkRelatedRecords(
      record.client,
      record.moduleApiName,
      id,
      relatedListApiName,
      junctions.map((j) => j.id),
    ),
  );
  return junctionResults(response, junctions);
}

function junctionResults(
  response: Awaited<ReturnType<typeof multiWrite>>,
  junctions: ZCRMJunctionRecord[],
): BulkAPIResponse<ZCRMJunctionRecord> {
  const body = response.data as Json | undefined;
  const results = matchEntityResponses(
    junctions,
    body?.data,
    (j) => j.id,
    (_item, j) => j,
  );
  return bulkWriteResponse(response, results);
}

/** The relation fields in wire form (records and users as `{id}`, dates as ISO text). */
function relationJson(junction: ZCRMJunctionRecord): Json {
  const json = valueToJson(junction.relatedData ?? {});
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
