import type { ZCRMRestClient } from '../rest-client';
import { ZCRMClientCore } from '../client-core';
import { APIResponse } from '../responses/api-response';
import { BulkAPIResponse } from '../responses/bulk-api-response';
import { ValidationException } from '../../errors/validation-exception';
import type { HttpResponse } from '../../http/http-types';
import * as recordOps from '../operations/record-operations';
import * as deletedOps from '../operations/deleted-record-operations';
import * as searchOps from '../operations/search-operations';
import * as coqlOps from '../operations/coql-operations';
import * as massUpdateOps from '../operations/mass-update-operations';
import {
  entitiesOf,
  firstOf,
  ifModifiedSinceHeader,
  infoOf,
  listOf,
  malformed,
  singleResultOf,
} from '../operations/item-results';
import type { ModuleProperties } from '../mappers/module-mapper';
import { idString, isJsonObject, Json } from '../mappers/json-utils';
import { applyWriteDetails, parseRecords, recordToWriteJson, valueToJson } from '../mappers/record-mapper';
import { writeOptionsBody } from '../mappers/record-results';
import { parseTrashRecord } from '../mappers/trash-record-mapper';
import { paging as checkedPaging, requireCount, requireList } from '../support/checks';
import { bulkWriteResponse, matchItemResults } from '../support/write-results';
import { ZCRMRecord, ZCRMGetOptions, ZCRMWriteOptions } from './zcrm-record';
import { ZCRMTrashRecord } from './zcrm-trash-record';
import { ZCRMMassUpdateStatus } from './zcrm-mass-update-status';
import * as moduleMetadata from './zcrm-module-metadata';
import type { GetCustomViewsOptions, GetFieldsOptions } from './zcrm-module-metadata';
import * as moduleTags from './zcrm-module-tags';
import type { MultiRecordTagOptions } from './zcrm-module-tags';
import type { ZCRMCustomView } from './zcrm-custom-view';
import type { ZCRMField } from './zcrm-field';
import type { ZCRMLayout } from './zcrm-layout';
import type { ZCRMModuleRelatedList } from './zcrm-module-related-list';
import type { ZCRMTag } from './zcrm-tag';

/** Most records one insert, update, upsert, mass update or delete may carry (the seed zcrmsdk's client-side checks). */
export const MAX_RECORDS_PER_CALL = 100;
/** Most ids one synchronous `actions/mass_update` may name (https://www.zoho.com/crm/developer/docs/api/v2/mass-update-records.html). */
export const MAX_MASS_UPDATE_IDS = 500;
/** Most records per page of list, search and deleted-record reads. */
export const MAX_PER_PAGE = 200;

/** Options of {@link ZCRMModule.getRecords} (seed `get_records`; pages start at 1). */
export interface GetRecordsOptions {
  /** Custom view id. */
  cvid?: string;
  sortBy?: string;
  sortOrder?: 'asc' | 'desc';
  /** Page number, from 1 (default 1). */
  page?: number;
  /** Records per page, 1–200 (default 200). */
  perPage?: number;
  /** Only these fields (API names). */
  fields?: string[];
  /** Only records modified after this instant; nothing newer → a `noData` response with `notModified`. */
  ifModifiedSince?: Date | string;
  /** Extra headers (the seed's `custom_headers`). */
  customHeaders?: Record<string, string>;
  /** Extra query parameters (the seed's `custom_parameters`: `approved`, `converted`, `territory_id` …). */
  customParameters?: Record<string, string | number | boolean>;
}

/** Options of {@link ZCRMModule.upsertRecords}. */
export interface UpsertOptions extends ZCRMWriteOptions {
  /** Fields that identify an existing record (`duplicate_check_fields`); Zoho's defaults when omitted. */
  duplicateCheckFields?: string[];
}

/** Which records a scheduled mass update changes: a custom view, a territory, or criteria. */
export interface MassUpdateTarget {
  cvid?: string;
  territory?: { id: string; includeChild?: boolean };
  /** `[{field, comparator, value}]`, or groups `{group_operator, group: [...]}` (https://www.zoho.com/crm/developer/docs/api/v2/mass-update-records.html). */
  criteria?: unknown[];
}

/** Options of mass updates. */
export interface MassUpdateOptions {
  /** Replace multi-select values instead of adding to them (`over_write`). */
  overWrite?: boolean;
}

/** The job a scheduled mass update created. */
export interface ZCRMMassUpdateJob {
  jobId: string;
}

/** Options of deleted-record reads. */
export interface DeletedRecordsOptions {
  /** Only records deleted after this instant; nothing newer → `noData` with `notModified`. */
  ifModifiedSince?: Date | string;
  /** Extra headers (the seed's `custom_headers`). */
  customHeaders?: Record<string, string>;
}

// Module metadata attributes (`apiName` is declared by the class): filled by `getAllModules`/`getModule`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface ZCRMModule extends Omit<ModuleProperties, 'apiName'> {}

/**
 * A CRM module (the seed's `ZCRMModule`): the record operations of one module, and (from the modules API)
 * its metadata. `ZCRMModule.getInstance('Invoices')` builds it without a request.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ZCRMModule {
  /** The module API name (`Leads`, `Invoices`, `Custom_Module`). */
  apiName: string;
  readonly #client?: ZCRMRestClient;

  constructor(apiName: string, client?: ZCRMRestClient) {
    this.apiName = apiName;
    this.#client = client;
  }

  /** Builds a module object without a request; `client` defaults to `ZCRMRestClient.getInstance()` at call time. */
  static getInstance(apiName: string, client?: ZCRMRestClient): ZCRMModule {
    if (typeof apiName !== 'string' || apiName.trim() === '') {
      throw ValidationException.invalidInput('apiName', 'a module needs its API name (e.g. "Leads")');
    }
    return new ZCRMModule(apiName, client);
  }

  /** The client this module's calls go through. */
  get client(): ZCRMRestClient {
    return this.#client ?? ZCRMClientCore.getInstance();
  }

  /** The client given to {@link getInstance}, if any. */
  get explicitClient(): ZCRMRestClient | undefined {
    return this.#client;
  }

  // ── Reads ──────────────────────────────────────────────────────────────────────────────────────────────

  /** One record (`GET /{module}/{id}`). 204 (no such record) and 304 resolve as `noData` without `data`. */
  async getRecord(entityId: string, options: ZCRMGetOptions = {}): Promise<APIResponse<ZCRMRecord>> {
    requireString(entityId, 'entityId', 'getRecord');
    return ZCRMRecord.getInstance(this.apiName, entityId, this.#client).get(options);
  }

  /** A page of records (`GET /{module}`), with `info` (page, perPage, count, moreRecords). Empty → `noData`. */
  async getRecords(options: GetRecordsOptions = {}): Promise<BulkAPIResponse<ZCRMRecord>> {
    const { page, perPage } = paging(options.page, options.perPage, 'getRecords');
    const params: Record<string, string | number | boolean | string[] | undefined> = {
      cvid: options.cvid,
      sort_by: options.sortBy,
      sort_order: options.sortOrder,
      page,
      per_page: perPage,
      fields: options.fields,
      ...options.customParameters,
    };
    const headers = { ...ifModifiedSinceHeader(options), ...options.customHeaders };
    const response = await recordOps.listRecords(this.client, this.apiName, { params, headers });
    return this.recordList(response);
  }

  /** Records in the recycle bin and permanently deleted (`GET /{module}/deleted?type=all`). */
  getAllDeletedRecords(
    page = 1,
    perPage = MAX_PER_PAGE,
    options: DeletedRecordsOptions = {},
  ): Promise<BulkAPIResponse<ZCRMTrashRecord>> {
    return this.deletedRecords('all', page, perPage, options);
  }

  /** Records in the recycle bin (`type=recycle`). */
  getRecyclebinRecords(
    page = 1,
    perPage = MAX_PER_PAGE,
    options: DeletedRecordsOptions = {},
  ): Promise<BulkAPIResponse<ZCRMTrashRecord>> {
    return this.deletedRecords('recycle', page, perPage, options);
  }

  /** Permanently deleted records (`type=permanent`). */
  getPermanentlyDeletedRecords(
    page = 1,
    perPage = MAX_PER_PAGE,
    options: DeletedRecordsOptions = {},
  ): Promise<BulkAPIResponse<ZCRMTrashRecord>> {
    return this.deletedRecords('permanent', page, perPage, options);
  }

  /** Records matching a word in any searchable field (`GET /{module}/search?word=`). No match → `noData`. */
  searchRecords(word: string, page = 1, perPage = MAX_PER_PAGE): Promise<BulkAPIResponse<ZCRMRecord>> {
    return this.search('word', word, page, perPage, 'searchRecords');
  }

  /** Records with this phone number (`phone=`). */
  searchRecordsByPhone(
    phone: string,
    page = 1,
    perPage = MAX_PER_PAGE,
  ): Promise<BulkAPIResponse<ZCRMRecord>> {
    return this.search('phone', phone, page, perPage, 'searchRecordsByPhone');
  }

  /** Records with this e-mail address (`email=`). */
  searchRecordsByEmail(
    email: string,
    page = 1,
    perPage = MAX_PER_PAGE,
  ): Promise<BulkAPIResponse<ZCRMRecord>> {
    return this.search('email', email, page, perPage, 'searchRecordsByEmail');
  }

  /** Records matching criteria such as `((Last_Name:equals:Burns\,B)and(First_Name:starts_with:M))` (`criteria=`). */
  searchRecordsByCriteria(
    criteria: string,
    page = 1,
    perPage = MAX_PER_PAGE,
  ): Promise<BulkAPIResponse<ZCRMRecord>> {
    return this.search('criteria', criteria, page, perPage, 'searchRecordsByCriteria');
  }

  /**
   * Runs a COQL query (`POST /coql`) and parses the rows as records of this module. `info` carries `count` and
   * `moreRecords`. No match → `noData`. Lookups come back as records with only an id.
   */
  async searchByCoql(selectQuery: string): Promise<BulkAPIResponse<ZCRMRecord>> {
    requireString(selectQuery, 'selectQuery', 'searchByCoql');
    const response = await coqlOps.executeCoql(this.client, selectQuery);
    return this.recordList(response);
  }

  /** Same as {@link searchByCoql}. */
  executeCOQL(selectQuery: string): Promise<BulkAPIResponse<ZCRMRecord>> {
    return this.searchByCoql(selectQuery);
  }

  // ── Writes ─────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Inserts up to 100 records (`POST /{module}`). `bulkEntityResponse[i]` is the result of `records[i]`; each
   * successful input gets its `entityId`, created/modified time and user, and is listed in `data`. Per-record
   * failures do not throw.
   */
  async createRecords(
    records: ZCRMRecord[],
    options: ZCRMWriteOptions = {},
  ): Promise<BulkAPIResponse<ZCRMRecord>> {
    this.checkRecords(records, 'createRecords');
    records.forEach((record, i) => {
      if (record.entityId !== undefined) {
        throw ValidationException.invalidInput(
          `records[${i}]`,
          `has id ${record.entityId}; createRecords() takes new records only (use updateRecords or upsertRecords)`,
        );
      }
    });
    const body = { data: records.map((r) => recordToWriteJson(r)), ...writeOptionsBody(options, true) };
    const response = await recordOps.insertRecords(this.client, this.apiName, body);
    return this.writeResults(response, records, (record) => record.entityId);
  }

  /**
   * Inserts or updates up to 100 records (`POST /{module}/upsert`), matching existing records on
   * `duplicateCheckFields`. Each result has `upsertAction` (`insert`/`update`) and `upsertDuplicateField`.
   */
  async upsertRecords(
    records: ZCRMRecord[],
    options: UpsertOptions = {},
  ): Promise<BulkAPIResponse<ZCRMRecord>> {
    this.checkRecords(records, 'upsertRecords');
    const body: recordOps.RecordWriteBody = {
      data: records.map((r) => recordToWriteJson(r, { includeId: true })),
      ...writeOptionsBody(options, true),
    };
    if (options.duplicateCheckFields !== undefined) {
      body.duplicate_check_fields = requireList(options.duplicateCheckFields, 'duplicateCheckFields', 1, 10);
    }
    const response = await recordOps.upsertRecords(this.client, this.apiName, body);
    return this.writeResults(response, records, (record) => record.entityId);
  }

  /** Updates up to 100 records (`PUT /{module}`), each sending its id and its changed fields. */
  async updateRecords(
    records: ZCRMRecord[],
    options: Omit<ZCRMWriteOptions, 'larId'> = {},
  ): Promise<BulkAPIResponse<ZCRMRecord>> {
    this.checkRecords(records, 'updateRecords');
    records.forEach((record, i) => {
      if (!record.entityId)
        throw ValidationException.invalidInput(
          `records[${i}]`,
          'updateRecords() needs every record to have its id (entityId)',
        );
    });
    const body = {
      data: records.map((r) => recordToWriteJson(r, { includeId: true })),
      ...writeOptionsBody(options, false),
    };
    const response = await recordOps.updateRecords(this.client, this.apiName, body);
    return this.writeResults(response, records, (record) => record.entityId);
  }

  /**
   * Sets one field to one value on up to 100 records (seed `mass_update_records`: `PUT /{module}`). `data`
   * holds a record per successful id, with the new value and Zoho's modified time and user.
   */
  async massUpdateRecords(
    entityIds: string[],
    fieldApiName: string,
    value: unknown,
  ): Promise<BulkAPIResponse<ZCRMRecord>> {
    requireList(entityIds, 'entityIds', 1, MAX_RECORDS_PER_CALL);
    requireString(fieldApiName, 'fieldApiName', 'massUpdateRecords');
    const records = entityIds.map((id) => {
      const record = ZCRMRecord.getInstance(this.apiName, id, this.#client);
      record.setFieldValue(fieldApiName, value);
      return record;
    });
    const body = { data: records.map((r) => recordToWriteJson(r, { includeId: true })) };
    const response = await recordOps.updateRecords(this.client, this.apiName, body);
    return this.writeResults(response, records, (record) => record.entityId);
  }

  /**
   * Updates the same fields on up to 500 records at once through `actions/mass_update` with `ids` (runs
   * synchronously; one result per id, matched to its id). `fieldValues` is a record or field API name → value.
   */
  async massUpdateByIds(
    entityIds: string[],
    fieldValues: ZCRMRecord | Record<string, unknown>,
    options: MassUpdateOptions = {},
  ): Promise<BulkAPIResponse<ZCRMRecord>> {
    requireList(entityIds, 'entityIds', 1, MAX_MASS_UPDATE_IDS);
    const data = massUpdateData(fieldValues);
    const body: massUpdateOps.MassUpdateBody = { data: [data], ids: entityIds };
    if (options.overWrite !== undefined) body.over_write = options.overWrite;
    const response = await massUpdateOps.massUpdate(this.client, this.apiName, body);
    const records = entityIds.map((id) => {
      const record = ZCRMRecord.getInstance(this.apiName, id, this.#client);
      for (const [key, value] of Object.entries(data)) record.fieldData[key] = value;
      return record;
    });
    return this.writeResults(response, records, (record) => record.entityId);
  }

  /**
   * Schedules a mass update of the records in a custom view, a territory or matching criteria
   * (`POST /{module}/actions/mass_update`); `data.jobId` names the job for {@link getMassUpdateStatus}.
   */
  async scheduleMassUpdate(
    fieldValues: ZCRMRecord | Record<string, unknown>,
    target: MassUpdateTarget,
    options: MassUpdateOptions = {},
  ): Promise<APIResponse<ZCRMMassUpdateJob>> {
    const data = massUpdateData(fieldValues);
    if (
      !target ||
      (target.cvid === undefined && target.territory === undefined && target.criteria === undefined)
    ) {
      throw ValidationException.invalidInput(
        'target',
        'scheduleMassUpdate() needs a cvid, a territory or criteria (use massUpdateByIds for ids)',
      );
    }
    const body: massUpdateOps.MassUpdateBody = { data: [data] };
    if (target.cvid !== undefined) body.cvid = target.cvid;
    if (target.territory !== undefined) {
      body.territory = { id: target.territory.id };
      if (target.territory.includeChild !== undefined)
        body.territory.include_child = target.territory.includeChild;
    }
    if (target.criteria !== undefined) body.criteria = target.criteria;
    if (options.overWrite !== undefined) body.over_write = options.overWrite;
    const response = await massUpdateOps.massUpdate(this.client, this.apiName, body);
    const item = singleResultOf(response, 'data');
    const jobId = isJsonObject(item.details) ? idString(item.details.job_id) : undefined;
    if (!jobId) throw malformed(response, 'names no job_id for the scheduled mass update');
    return new APIResponse(response, { jobId }, item);
  }

  /** The status of a scheduled mass update (`GET /{module}/actions/mass_update?job_id=`). */
  async getMassUpdateStatus(jobId: string): Promise<APIResponse<ZCRMMassUpdateStatus>> {
    requireString(jobId, 'jobId', 'getMassUpdateStatus');
    const response = await massUpdateOps.getMassUpdateStatus(this.client, this.apiName, jobId);
    const json = firstOf(response, 'data');
    return new APIResponse(response, json ? ZCRMMassUpdateStatus.fromJson(json) : undefined);
  }

  /**
   * Deletes up to 100 records (`DELETE /{module}?ids=`). `bulkEntityResponse[i].data` is a record with
   * `entityIds[i]`; `data` lists those deleted.
   */
  async deleteRecords(entityIds: string[]): Promise<BulkAPIResponse<ZCRMRecord>> {
    requireList(entityIds, 'entityIds', 1, MAX_RECORDS_PER_CALL);
    const records = entityIds.map((id) => ZCRMRecord.getInstance(this.apiName, id, this.#client));
    const response = await recordOps.deleteRecords(this.client, this.apiName, entityIds);
    return this.writeResults(response, records, (record) => record.entityId, false);
  }

  // ── Metadata (implemented in zcrm-module-metadata.ts) ──────────────────────────────────────────────────

  /**
   * Every field of the module (`GET settings/fields?module=`).
   * @param options `type: 'unused'` lists only fields placed in no layout.
   */
  getAllFields(options: GetFieldsOptions = {}): Promise<BulkAPIResponse<ZCRMField>> {
    return moduleMetadata.getAllFields(this, options);
  }

  /**
   * One field (`GET settings/fields/{id}?module=`); `data` is undefined when Zoho has no such field.
   * @param fieldId The field's id.
   */
  getField(fieldId: string): Promise<APIResponse<ZCRMField>> {
    return moduleMetadata.getField(this, fieldId);
  }

  /** Every layout of the module (`GET settings/layouts?module=`). */
  getAllLayouts(): Promise<BulkAPIResponse<ZCRMLayout>> {
    return moduleMetadata.getAllLayouts(this);
  }

  /**
   * One layout (`GET settings/layouts/{id}?module=`).
   * @param layoutId The layout's id.
   */
  getLayout(layoutId: string): Promise<APIResponse<ZCRMLayout>> {
    return moduleMetadata.getLayout(this, layoutId);
  }

  /**
   * The module's custom views (`GET settings/custom_views?module=`).
   * @param options The page (from 1) and records per page.
   */
  getAllCustomViews(options: GetCustomViewsOptions = {}): Promise<BulkAPIResponse<ZCRMCustomView>> {
    return moduleMetadata.getAllCustomViews(this, options);
  }

  /**
   * One custom view with its criteria (`GET settings/custom_views/{id}?module=`).
   * @param customViewId The custom view's id.
   */
  getCustomView(customViewId: string): Promise<APIResponse<ZCRMCustomView>> {
    return moduleMetadata.getCustomView(this, customViewId);
  }

  /**
   * Sends a custom view's sort settings (`PUT settings/custom_views/{id}?module=`).
   * @param customView The view, with its id and the sort field and order to set.
   */
  updateCustomView(customView: ZCRMCustomView): Promise<APIResponse<ZCRMCustomView>> {
    return moduleMetadata.updateCustomView(this, customView);
  }

  /** The module's related lists (`GET settings/related_lists?module=`). */
  getAllRelatedLists(): Promise<BulkAPIResponse<ZCRMModuleRelatedList>> {
    return moduleMetadata.getAllRelatedLists(this);
  }

  /**
   * One related list (`GET settings/related_lists/{id}?module=`).
   * @param relatedListId The related list's id.
   */
  getRelatedList(relatedListId: string): Promise<APIResponse<ZCRMModuleRelatedList>> {
    return moduleMetadata.getRelatedList(this, relatedListId);
  }

  /** Sends this module's settings (`PUT settings/modules/{module}`): per page, business card fields, default view … */
  updateModuleSettings(): Promise<APIResponse<ZCRMModule>> {
    return moduleMetadata.updateModuleSettings(this);
  }

  // ── Tags (implemented in zcrm-module-tags.ts) ────────────────────────────────────────────────────────────

  /** The module's tags (`GET settings/tags?module=`). */
  getTags(): Promise<BulkAPIResponse<ZCRMTag>> {
    return moduleTags.getTags(this);
  }

  /**
   * How many records carry a tag (`GET settings/tags/{id}/actions/records_count?module=`); `data` is the tag
   * with its `count`.
   * @param tagId The tag's id.
   */
  getTagCount(tagId: string): Promise<APIResponse<ZCRMTag>> {
    return moduleTags.getTagCount(this, tagId);
  }

  /**
   * Creates 1 to 50 tags (`POST settings/tags?module=`); each gets its result, and its id on success.
   * @param tags New tags (a name, no id).
   */
  createTags(tags: ZCRMTag[]): Promise<BulkAPIResponse<ZCRMTag>> {
    return moduleTags.createTags(this, tags);
  }

  /**
   * Renames 1 to 50 tags (`PUT settings/tags?module=`).
   * @param tags Existing tags (id and new name).
   */
  updateTags(tags: ZCRMTag[]): Promise<BulkAPIResponse<ZCRMTag>> {
    return moduleTags.updateTags(this, tags);
  }

  /**
   * Tags 1 to 100 records with 1 to 50 tag names (`POST /{module}/actions/add_tags`); each record gets its result.
   * @param tagNames The tag names (the module's missing tags are created).
   * @param recordIds The records' ids.
   * @param options `overWrite` replaces the records' tags instead of adding to them.
   */
  addTagsToMultipleRecords(
    tagNames: string[],
    recordIds: string[],
    options: MultiRecordTagOptions = {},
  ): Promise<BulkAPIResponse<ZCRMRecord>> {
    return moduleTags.addTagsToMultipleRecords(this, tagNames, recordIds, options);
  }

  /**
   * Removes 1 to 50 tag names from 1 to 100 records (`POST /{module}/actions/remove_tags`).
   * @param tagNames The tag names.
   * @param recordIds The records' ids.
   */
  removeTagsFromMultipleRecords(
    tagNames: string[],
    recordIds: string[],
  ): Promise<BulkAPIResponse<ZCRMRecord>> {
    return moduleTags.removeTagsFromMultipleRecords(this, tagNames, recordIds);
  }

  // ── Internals ──────────────────────────────────────────────────────────────────────────────────────────

  private recordList(response: HttpResponse<unknown>): BulkAPIResponse<ZCRMRecord> {
    const data = parseRecords(entitiesOf(response, 'data'), this.apiName, { client: this.#client });
    return new BulkAPIResponse(response, { data, info: infoOf(response) });
  }

  private async search(
    by: searchOps.SearchBy,
    value: string,
    page: number,
    perPage: number,
    operation: string,
  ): Promise<BulkAPIResponse<ZCRMRecord>> {
    requireString(value, by, operation);
    const paged = paging(page, perPage, operation);
    const response = await searchOps.searchRecords(
      this.client,
      this.apiName,
      by,
      value,
      paged.page,
      paged.perPage,
    );
    return this.recordList(response);
  }

  private async deletedRecords(
    type: deletedOps.DeletedRecordsType,
    page: number,
    perPage: number,
    options: DeletedRecordsOptions,
  ): Promise<BulkAPIResponse<ZCRMTrashRecord>> {
    const paged = paging(page, perPage, 'deleted records');
    const headers = { ...ifModifiedSinceHeader(options), ...options.customHeaders };
    const response = await deletedOps.listDeletedRecords(
      this.client,
      this.apiName,
      type,
      paged.page,
      paged.perPage,
      headers,
    );
    const data = listOf(response, 'data').map(parseTrashRecord);
    return new BulkAPIResponse(response, { data, info: infoOf(response) });
  }

  private checkRecords(records: ZCRMRecord[], operation: string): void {
    requireCount(records, 'records', MAX_RECORDS_PER_CALL);
    records.forEach((record, i) => {
      if (!(record instanceof ZCRMRecord))
        throw ValidationException.invalidInput(`records[${i}]`, `${operation}() takes ZCRMRecord objects`);
      if (record.moduleApiName !== this.apiName) {
        throw ValidationException.invalidInput(
          `records[${i}]`,
          `is a ${record.moduleApiName} record; ${operation}() of ${this.apiName} takes ${this.apiName} records only`,
        );
      }
    });
  }

  /** One result per input, matched by position and checked by id; successful inputs take the details Zoho returned. */
  private writeResults(
    response: HttpResponse<unknown>,
    records: ZCRMRecord[],
    idOf: (record: ZCRMRecord) => string | undefined,
    applyDetails = true,
  ): BulkAPIResponse<ZCRMRecord> {
    const results = matchItemResults(response, 'data', records, idOf, (record, item) => {
      if (applyDetails) applyWriteDetails(record, item.details);
    });
    return bulkWriteResponse(response, results);
  }
}

/** Page numbers start at 1; pages hold 1–200 records (200 by default for records). */
function paging(
  page: number | undefined,
  perPage: number | undefined,
  operation: string,
): { page: number; perPage: number } {
  return checkedPaging({ page, perPage }, { page: 1, perPage: MAX_PER_PAGE }, operation);
}

function requireString(value: unknown, name: string, operation: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw ValidationException.invalidInput(name, `${operation}() needs ${name}, a non-empty string`);
  }
}

/** The `data` object of a mass update: a record's fields in wire form, or field values converted the same way. */
function massUpdateData(fieldValues: ZCRMRecord | Record<string, unknown>): Json {
  const data: Json =
    fieldValues instanceof ZCRMRecord
      ? recordToWriteJson(fieldValues)
      : (valueToJson(fieldValues ?? {}) as Json);
  if (!isJsonObject(data) || Object.keys(data).length === 0) {
    throw ValidationException.invalidInput('fieldValues', 'a mass update needs at least one field value');
  }
  return data;
}
