import path from 'node:path';
import { stat } from 'node:fs/promises';
import type { ZCRMRestClient } from '../rest-client';
import { ZCRMClientCore } from '../client-core';
import * as ops from '../operations/bulk-operations';
import { getOrganization } from '../operations/org-operations';
import { firstOf, singleResultOf } from '../operations/item-results';
import { APIResponse } from '../responses/api-response';
import { FileAPIResponse } from '../responses/file-api-response';
import { idString, isJsonObject, Json, num, str } from '../mappers/json-utils';
import { parseUser } from '../mappers/user-mapper';
import { ValidationException } from '../../errors/validation-exception';
import { ZCRMException } from '../../errors/zcrm-exception';
import { isUploadSource, UploadSource } from '../files/upload-source';
import { withZippedCsv } from '../files/zip-csv';
import { multiWrite } from '../support/single-write';
import { PollOptions, pollUntil } from '../support/poll';
import type { BulkCallback } from './zcrm-bulk-read';
import type { DownloadOptions } from '../services/record-attachments-service';
import type { ZCRMUser } from './zcrm-user';

/** How one CSV column (or a constant) maps onto a field. */
export interface BulkWriteFieldMapping {
  /** The field's API name (`id` for the record id). */
  apiName: string;
  /** Zero-based CSV column. */
  index?: number;
  /** Date/time format of the column (`MM/dd/yyyy` …). */
  format?: string;
  /** For lookups: the target module's field the column holds (`id`, `Email` …). */
  findBy?: string;
  /** A value for every row (instead of, or when empty, the column). */
  defaultValue?: { value: unknown };
  module?: string;
}

/** One resource of a write job: a module and the uploaded file that feeds it. */
export interface BulkWriteResource {
  type?: 'data';
  module: string;
  /** The `fileId` of {@link ZCRMBulkWrite.uploadFile}. */
  fileId: string;
  /** Skip empty cells rather than clearing fields. */
  ignoreEmpty?: boolean;
  /** The field matching rows to records (required for update and upsert). */
  findBy?: string;
  /** Column mappings; without them, columns whose header is a field API name map to it. */
  fieldMappings?: BulkWriteFieldMapping[];
}

/** A resource's progress as the job status reports it. */
export interface BulkWriteResourceStatus {
  status?: string;
  module?: string;
  fileName?: string;
  addedCount?: number;
  skippedCount?: number;
  updatedCount?: number;
  totalCount?: number;
}

/** Options of {@link ZCRMBulkWrite.uploadFile}. */
export interface BulkWriteUploadOptions {
  /** The org's `zgid` (the `X-CRM-ORG` header); read with `GET org` when omitted. */
  orgId?: string;
  /** Name of the file (for a Buffer or stream); a `.csv` name (or path) is zipped before upload. */
  fileName?: string;
  client?: ZCRMRestClient;
  /** Overrides the upload host (`https://content.zohoapis.<dc>/crm/v2/upload`, or the configured API base URL). */
  uploadUrl?: string;
}

/** The result of {@link ZCRMBulkWrite.uploadFile}. */
export interface BulkWriteUpload {
  fileId: string;
  createdTime?: string | null;
}

export type BulkWriteOperation = 'insert' | 'update' | 'upsert';
/** Job states of Bulk Write. */
export type BulkWriteState = 'ADDED' | 'IN PROGRESS' | 'COMPLETED' | 'SKIPPED' | 'FAILED' | (string & {});

/**
 * A Bulk Write job (beyond the seed; https://www.zoho.com/crm/developer/docs/api/v2/bulk-write/overview.html): insert, update or upsert up to 25,000 records per file
 * from a CSV. Upload the file, describe the job, create it, wait, download the result CSV zip:
 *
 * ```ts
 * const { data } = await ZCRMBulkWrite.uploadFile('./leads.csv');
 * const job = ZCRMBulkWrite.getInstance('insert');
 * job.addResource({ module: 'Leads', fileId: data!.fileId });
 * await job.create();
 * await job.waitForCompletion();
 * await (await job.downloadResult()).writeTo('./results/');
 * ```
 */
export class ZCRMBulkWrite {
  jobId?: string;
  operation?: BulkWriteOperation;
  characterEncoding?: string;
  /** Skip empty cells in every resource (a resource's own `ignoreEmpty` wins). */
  ignoreEmpty?: boolean;
  callback?: BulkCallback;
  resources: BulkWriteResource[] = [];
  status?: BulkWriteState;
  createdBy?: ZCRMUser;
  createdTime?: string | null;
  /** Per-resource progress from {@link getStatus}. */
  resourceStatus: BulkWriteResourceStatus[] = [];
  /** `result.download_url` once the job completed. */
  downloadUrl?: string;
  readonly #client?: ZCRMRestClient;

  constructor(operation?: BulkWriteOperation, jobId?: string, client?: ZCRMRestClient) {
    if (operation !== undefined) this.operation = operation;
    if (jobId !== undefined) this.jobId = jobId;
    this.#client = client;
  }

  /** A new job (`operation`), or (with `jobId`) an existing one to poll and download. No request is made. */
  static getInstance(operation?: BulkWriteOperation, jobId?: string, client?: ZCRMRestClient): ZCRMBulkWrite {
    return new ZCRMBulkWrite(operation, jobId, client);
  }

  /**
   * Uploads a bulk-write file (`POST {content host}/crm/v2/upload`, headers `feature: bulk-write` and
   * `X-CRM-ORG`). Takes a zip holding one CSV, or a CSV (by a `.csv` path or `fileName`), which is zipped on
   * the fly; nothing is read into memory. `data.fileId` goes into a resource's `fileId`.
   */
  static async uploadFile(
    source: UploadSource,
    options: BulkWriteUploadOptions = {},
  ): Promise<APIResponse<BulkWriteUpload>> {
    if (!isUploadSource(source))
      throw ValidationException.invalidInput(
        'file',
        'uploadFile() needs a file path, a Buffer or a Readable stream',
      );
    const client = options.client ?? ZCRMClientCore.getInstance();
    const name = options.fileName ?? (typeof source === 'string' ? path.basename(source) : undefined);
    if (name === undefined)
      throw ValidationException.invalidInput(
        'fileName',
        'uploadFile() needs a fileName (ending in .zip or .csv) for a Buffer or stream',
      );
    const lower = name.toLowerCase();
    if (!lower.endsWith('.zip') && !lower.endsWith('.csv')) {
      throw ValidationException.invalidInput(
        'fileName',
        `Bulk Write takes a .zip holding one CSV, or a .csv to zip; got ${name}`,
      );
    }
    if (typeof source === 'string') {
      // A missing path fails here, before the org lookup.
      const info = await stat(source).catch(() => undefined);
      if (!info?.isFile()) throw ValidationException.invalidInput('file', `no readable file at ${source}`);
    }
    const orgId = options.orgId ?? (await orgZgid(client));
    const send = (zip: UploadSource, zipName: string) =>
      multiWrite(() =>
        ops.uploadBulkWriteFile(client, orgId, zip, { fileName: zipName, uploadUrl: options.uploadUrl }),
      );
    const response = lower.endsWith('.csv')
      ? await withZippedCsv(source, name, (zipPath) => send(zipPath, path.basename(zipPath)))
      : await send(source, name);
    const item = singleResultOf(response, 'data');
    const details = isJsonObject(item.details) ? item.details : {};
    const fileId = idString(details.file_id);
    if (fileId === undefined) {
      throw new ZCRMException({
        statusCode: response.status,
        errorCode: 'INVALID_RESPONSE',
        errorMessage: 'The upload answer has no file_id',
        errorContent: response.data,
        url: response.url,
      });
    }
    return new APIResponse(
      response,
      { fileId, createdTime: details.created_time === undefined ? undefined : str(details.created_time) },
      item,
    );
  }

  /** The client this job's calls go through (the one given to `getInstance`, else the default). */
  get client(): ZCRMRestClient {
    return this.#client ?? ZCRMClientCore.getInstance();
  }

  /** True once a status call reported `COMPLETED`. */
  get isCompleted(): boolean {
    return this.status === 'COMPLETED';
  }

  /** Adds a resource (a module fed by an uploaded file). */
  addResource(resource: BulkWriteResource): this {
    this.resources.push(resource);
    return this;
  }

  /** The request body of {@link create}. */
  toJson(): Json {
    const body: Json = { operation: this.operation };
    if (this.characterEncoding !== undefined) body.character_encoding = this.characterEncoding;
    if (this.ignoreEmpty !== undefined) body.ignore_empty = this.ignoreEmpty;
    if (this.callback) body.callback = { url: this.callback.url, method: this.callback.method ?? 'post' };
    body.resource = this.resources.map((r) => {
      const out: Json = { type: r.type ?? 'data', module: r.module, file_id: r.fileId };
      if (r.ignoreEmpty !== undefined) out.ignore_empty = r.ignoreEmpty;
      if (r.findBy !== undefined) out.find_by = r.findBy;
      if (r.fieldMappings !== undefined) out.field_mappings = r.fieldMappings.map(mappingJson);
      return out;
    });
    return body;
  }

  /** Creates the job (`POST /crm/bulk/v2/write`); sets {@link jobId}. Bulk Write costs 500 API credits. */
  async create(): Promise<APIResponse<ZCRMBulkWrite>> {
    if (this.jobId)
      throw ValidationException.invalidInput(
        'jobId',
        `create() makes a new job; this one already exists (${this.jobId})`,
      );
    if (this.operation !== 'insert' && this.operation !== 'update' && this.operation !== 'upsert') {
      throw ValidationException.invalidInput(
        'operation',
        `must be insert, update or upsert, got ${String(this.operation)}`,
      );
    }
    if (this.resources.length === 0)
      throw ValidationException.invalidInput('resources', 'a bulk write job needs at least one resource');
    this.resources.forEach((r, i) => {
      if (!r || typeof r.module !== 'string' || r.module === '')
        throw ValidationException.invalidInput(`resources[${i}].module`, 'is required');
      if (typeof r.fileId !== 'string' || r.fileId === '')
        throw ValidationException.invalidInput(
          `resources[${i}].fileId`,
          'is required: upload the file first',
        );
      if (this.operation !== 'insert' && !r.findBy) {
        throw ValidationException.invalidInput(
          `resources[${i}].findBy`,
          `${this.operation} jobs need the field that finds each row's record`,
        );
      }
    });
    const response = await multiWrite(() => ops.createBulkWriteJob(this.client, this.toJson()));
    const item = singleResultOf(response, 'data');
    this.applyJson(item.details);
    this.status ??= 'ADDED';
    return new APIResponse(response, this, item);
  }

  /** Reads the job's status (`GET /crm/bulk/v2/write/{id}`) into this object. */
  async getStatus(): Promise<APIResponse<ZCRMBulkWrite>> {
    const response = await ops.getBulkWriteJob(this.client, this.requireJobId('getStatus'));
    const body = response.data;
    // The status object is top-level; tolerate a `{"data": [job]}` envelope too.
    const json = isJsonObject(body) && Array.isArray(body.data) ? firstOf(response, 'data') : body;
    this.applyJson(json);
    return new APIResponse(response, this);
  }

  /**
   * Polls {@link getStatus} until `COMPLETED` (resolves with that status) or `FAILED`/`SKIPPED` (rejects with
   * `BULK_JOB_FAILED`), waiting `pollIntervalMs` between polls for at most `timeoutMs` (`BULK_JOB_TIMEOUT`).
   */
  waitForCompletion(options: PollOptions = {}): Promise<APIResponse<ZCRMBulkWrite>> {
    const what = `Bulk write job ${this.requireJobId('waitForCompletion')}`;
    return pollUntil(
      what,
      () => this.getStatus(),
      () => ({
        done: this.status === 'COMPLETED',
        failed: this.status === 'FAILED' || this.status === 'SKIPPED' ? this.status : undefined,
      }),
      options,
    );
  }

  /**
   * Streams the result zip (one CSV per resource with each row's status and record id) from `result.download_url`
   * (read by {@link getStatus}). The URL must be a Zoho host or the configured API host, as the request carries
   * the access token.
   */
  async downloadResult(options: DownloadOptions = {}): Promise<FileAPIResponse> {
    const jobId = this.requireJobId('downloadResult');
    if (!this.downloadUrl) {
      throw ValidationException.invalidInput(
        'downloadUrl',
        'the job has no result yet: waitForCompletion() (or getStatus()) first',
      );
    }
    const response = await ops.downloadBulkWriteResult(this.client, this.downloadUrl, options);
    return new FileAPIResponse(response, `${jobId}.zip`);
  }

  /** @internal Copies a job JSON (create `details` or status) onto this object. */
  applyJson(json: unknown): void {
    if (!isJsonObject(json)) return;
    const id = idString(json.id);
    if (id !== undefined) this.jobId = id;
    if (typeof json.status === 'string') this.status = json.status;
    if (json.operation === 'insert' || json.operation === 'update' || json.operation === 'upsert')
      this.operation = json.operation;
    if (typeof json.character_encoding === 'string') this.characterEncoding = json.character_encoding;
    const createdBy = parseUser(json.created_by);
    if (createdBy) this.createdBy = createdBy;
    if (json.created_time !== undefined) this.createdTime = str(json.created_time);
    if (isJsonObject(json.result) && typeof json.result.download_url === 'string')
      this.downloadUrl = json.result.download_url;
    if (Array.isArray(json.resource)) {
      this.resourceStatus = json.resource.filter(isJsonObject).map((r) => {
        const file = isJsonObject(r.file) ? r.file : {};
        const count = (value: unknown) => {
          const n = num(value);
          return typeof n === 'number' ? n : undefined;
        };
        return {
          status: typeof r.status === 'string' ? r.status : undefined,
          module:
            typeof r.module === 'string'
              ? r.module
              : isJsonObject(r.module)
                ? (str(r.module.api_name) ?? undefined)
                : undefined,
          fileName: typeof file.name === 'string' ? file.name : undefined,
          addedCount: count(file.added_count),
          skippedCount: count(file.skipped_count),
          updatedCount: count(file.updated_count),
          totalCount: count(file.total_count),
        };
      });
    }
  }

  private requireJobId(operation: string): string {
    if (!this.jobId)
      throw ValidationException.invalidInput(
        'jobId',
        `${operation}() needs the job id: create() the job first, or getInstance(operation, jobId)`,
      );
    return this.jobId;
  }
}

function mappingJson(mapping: BulkWriteFieldMapping): Json {
  const out: Json = { api_name: mapping.apiName };
  if (mapping.index !== undefined) out.index = mapping.index;
  if (mapping.format !== undefined) out.format = mapping.format;
  if (mapping.findBy !== undefined) out.find_by = mapping.findBy;
  if (mapping.defaultValue !== undefined) out.default_value = { value: mapping.defaultValue.value };
  if (mapping.module !== undefined) out.module = mapping.module;
  return out;
}

/** The org's `zgid`, the `X-CRM-ORG` value. */
async function orgZgid(client: ZCRMRestClient): Promise<string> {
  const response = await getOrganization(client);
  const org = firstOf(response, 'org');
  const zgid = idString(org?.zgid);
  if (zgid === undefined) {
    throw new ZCRMException({
      statusCode: response.status,
      errorCode: 'INVALID_RESPONSE',
      errorMessage: 'GET org returned no zgid for the X-CRM-ORG header; pass orgId',
      url: response.url,
    });
  }
  return zgid;
}
