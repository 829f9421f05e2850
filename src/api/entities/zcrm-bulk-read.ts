import type { ZCRMRestClient } from '../rest-client';
import { ZCRMClientCore } from '../client-core';
import * as ops from '../operations/bulk-operations';
import { firstOf, singleResultOf } from '../operations/item-results';
import { APIResponse } from '../responses/api-response';
import { FileAPIResponse } from '../responses/file-api-response';
import { bool, idString, isJsonObject, Json, num, str } from '../mappers/json-utils';
import { parseUser } from '../mappers/user-mapper';
import { ValidationException } from '../../errors/validation-exception';
import { multiWrite } from '../support/single-write';
import { PollOptions, pollUntil } from '../support/poll';
import type { DownloadOptions } from '../services/record-attachments-service';
import type { ZCRMUser } from './zcrm-user';

/** A Bulk Read filter (https://www.zoho.com/crm/developer/docs/api/v2/bulk-read/overview.html): one condition, or a group of them. */
export interface BulkReadCriteria {
  /** The field's API name (a condition). */
  apiName?: string;
  /** `equal`, `not_equal`, `in`, `not_in`, `less_than`, `less_equal`, `greater_than`, `greater_equal`, `contains`, `not_contains`, `starts_with`, `ends_with`, `between`, `not_between`. */
  comparator?: string;
  value?: unknown;
  /** `and` / `or` (a group). */
  groupOperator?: 'and' | 'or';
  group?: BulkReadCriteria[];
}

/** Where Zoho posts the job's status when it finishes. */
export interface BulkCallback {
  url: string;
  method?: 'post';
}

/** A finished read job's `result`. */
export interface BulkReadResult {
  page?: number;
  perPage?: number;
  count?: number;
  downloadUrl?: string;
  /** Another page (of 200,000 records) exists: create a job with the next `page`. */
  moreRecords?: boolean;
}

/** Job states of Bulk Read. */
export type BulkReadState = 'ADDED' | 'IN PROGRESS' | 'COMPLETED' | 'FAILURE' | (string & {});

/**
 * A Bulk Read job (beyond the seed; https://www.zoho.com/crm/developer/docs/api/v2/bulk-read/overview.html): export a module's records (up to 200,000 per page) to a
 * zipped CSV. Set the query, {@link create} the job, {@link waitForCompletion}, then {@link downloadResult} and
 * `writeTo(pathOrDir)` the zip:
 *
 * ```ts
 * const job = ZCRMBulkRead.getInstance('Leads');
 * job.fields = ['Last_Name', 'Email'];
 * await job.create();
 * await job.waitForCompletion();
 * await (await job.downloadResult()).writeTo('./exports/');
 * ```
 */
export class ZCRMBulkRead {
  jobId?: string;
  /** The module to export (`query.module`). */
  moduleApiName?: string;
  /** Field API names to export (`query.fields`); all exportable fields when omitted. */
  fields?: string[];
  /** A custom view to export (`query.cvid`). */
  cvid?: string;
  criteria?: BulkReadCriteria;
  /** Which page of 200,000 records (`query.page`), from 1. */
  page?: number;
  /** `csv` (default) or `ics` (Events only). */
  fileType?: 'csv' | 'ics';
  callback?: BulkCallback;
  state?: BulkReadState;
  operation?: string;
  createdBy?: ZCRMUser;
  createdTime?: string | null;
  result?: BulkReadResult;
  readonly #client?: ZCRMRestClient;

  constructor(moduleApiName?: string, jobId?: string, client?: ZCRMRestClient) {
    if (moduleApiName !== undefined) this.moduleApiName = moduleApiName;
    if (jobId !== undefined) this.jobId = jobId;
    this.#client = client;
  }

  /** A new job for `moduleApiName`, or (with `jobId`) an existing one to poll and download. No request is made. */
  static getInstance(moduleApiName?: string, jobId?: string, client?: ZCRMRestClient): ZCRMBulkRead {
    return new ZCRMBulkRead(moduleApiName, jobId, client);
  }

  /** The client this job's calls go through (the one given to `getInstance`, else the default). */
  get client(): ZCRMRestClient {
    return this.#client ?? ZCRMClientCore.getInstance();
  }

  /** True once a status call reported `COMPLETED`. */
  get isCompleted(): boolean {
    return this.state === 'COMPLETED';
  }

  /** The request body of {@link create}. */
  toJson(): Json {
    const query: Json = { module: this.moduleApiName };
    if (this.cvid !== undefined) query.cvid = this.cvid;
    if (this.fields !== undefined) query.fields = [...this.fields];
    if (this.page !== undefined) query.page = this.page;
    if (this.criteria !== undefined) query.criteria = criteriaJson(this.criteria);
    const body: Json = { query };
    if (this.callback) body.callback = { url: this.callback.url, method: this.callback.method ?? 'post' };
    if (this.fileType !== undefined) body.file_type = this.fileType;
    return body;
  }

  /** Creates the job (`POST /crm/bulk/v2/read`); sets {@link jobId}, {@link state} (`ADDED`) and the creator. */
  async create(): Promise<APIResponse<ZCRMBulkRead>> {
    if (this.jobId)
      throw ValidationException.invalidInput(
        'jobId',
        `create() makes a new job; this one already exists (${this.jobId})`,
      );
    if (typeof this.moduleApiName !== 'string' || this.moduleApiName.trim() === '') {
      throw ValidationException.invalidInput('moduleApiName', 'a bulk read job needs the module to export');
    }
    if (this.page !== undefined && (!Number.isInteger(this.page) || this.page < 1)) {
      throw ValidationException.invalidInput('page', `pages start at 1, got ${this.page}`);
    }
    const response = await multiWrite(() => ops.createBulkReadJob(this.client, this.toJson()));
    const item = singleResultOf(response, 'data');
    this.applyJson(item.details);
    return new APIResponse(response, this, item);
  }

  /** Reads the job's state (`GET /crm/bulk/v2/read/{id}`) into this object; `result` is set once it completed. */
  async getStatus(): Promise<APIResponse<ZCRMBulkRead>> {
    const response = await ops.getBulkReadJob(this.client, this.requireJobId('getStatus'));
    const json = firstOf(response, 'data');
    if (json) this.applyJson(json);
    return new APIResponse(response, this);
  }

  /**
   * Polls {@link getStatus} until the job is `COMPLETED` (resolves with that last status) or `FAILURE` (rejects
   * with `BULK_JOB_FAILED`), waiting `pollIntervalMs` between polls for at most `timeoutMs` (`BULK_JOB_TIMEOUT`).
   */
  waitForCompletion(options: PollOptions = {}): Promise<APIResponse<ZCRMBulkRead>> {
    const what = `Bulk read job ${this.requireJobId('waitForCompletion')}`;
    return pollUntil(
      what,
      () => this.getStatus(),
      () => ({
        done: this.state === 'COMPLETED',
        failed: this.state === 'FAILURE' ? this.state : undefined,
      }),
      options,
    );
  }

  /** Streams the result zip (`GET /crm/bulk/v2/read/{id}/result`); `writeTo(pathOrDir)` saves it as `<jobId>.zip`. */
  async downloadResult(options: DownloadOptions = {}): Promise<FileAPIResponse> {
    const jobId = this.requireJobId('downloadResult');
    const response = await ops.downloadBulkReadResult(this.client, jobId, options);
    return new FileAPIResponse(response, `${jobId}.zip`);
  }

  /** @internal Copies a job JSON (create `details` or status) onto this object. */
  applyJson(json: unknown): void {
    if (!isJsonObject(json)) return;
    const id = idString(json.id);
    if (id !== undefined) this.jobId = id;
    if (typeof json.state === 'string') this.state = json.state;
    if (typeof json.operation === 'string') this.operation = json.operation;
    const createdBy = parseUser(json.created_by);
    if (createdBy) this.createdBy = createdBy;
    if (json.created_time !== undefined) this.createdTime = str(json.created_time);
    if (json.file_type === 'csv' || json.file_type === 'ics') this.fileType = json.file_type;
    if (isJsonObject(json.query)) {
      const module = isJsonObject(json.query.module) ? json.query.module.api_name : json.query.module;
      if (typeof module === 'string') this.moduleApiName = module;
      const page = num(json.query.page);
      if (typeof page === 'number') this.page = page;
    }
    if (isJsonObject(json.result)) {
      const r = json.result;
      const result: BulkReadResult = {};
      const page = num(r.page);
      if (typeof page === 'number') result.page = page;
      const perPage = num(r.per_page);
      if (typeof perPage === 'number') result.perPage = perPage;
      const count = num(r.count);
      if (typeof count === 'number') result.count = count;
      if (typeof r.download_url === 'string') result.downloadUrl = r.download_url;
      const more = bool(r.more_records);
      if (typeof more === 'boolean') result.moreRecords = more;
      this.result = result;
    }
  }

  private requireJobId(operation: string): string {
    if (!this.jobId)
      throw ValidationException.invalidInput(
        'jobId',
        `${operation}() needs the job id: create() the job first, or getInstance(module, jobId)`,
      );
    return this.jobId;
  }
}

function criteriaJson(criteria: BulkReadCriteria): Json {
  const out: Json = {};
  if (criteria.group !== undefined) {
    out.group_operator = criteria.groupOperator ?? 'and';
    out.group = criteria.group.map(criteriaJson);
    return out;
  }
  out.api_name = criteria.apiName;
  out.comparator = criteria.comparator;
  if (criteria.value !== undefined) out.value = criteria.value;
  return out;
}
