import type { QueryValue, ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import { ItemResultJson, params, requestItems, segment } from './item-results';

/**
 * Record endpoints (https://www.zoho.com/crm/developer/docs/api/v2/get-records.html): list, get, insert, update, upsert, delete. Thin functions at the JSON
 * level; the entity classes and the ORM build on them. Write calls return one item result per input even when
 * Zoho answers 400 because every item failed (see `requestItems`).
 */

/** `{data: [record…], info}` of a read, or nothing for 204/304. */
export interface RecordsJson {
  data?: Record<string, unknown>[];
  info?: Record<string, unknown>;
}

/** `{data: [result…]}` of a write: one result per input, in input order. */
export type WriteResultsJson = Record<string, ItemResultJson[]>;

/** The write body: `data` plus the optional top-level keys of inserts, updates and upserts. */
export interface RecordWriteBody {
  data: Record<string, unknown>[];
  trigger?: string[];
  process?: string[];
  lar_id?: string;
  duplicate_check_fields?: string[];
  [key: string]: unknown;
}

/** Query parameters and headers of reads (`fields`, `cvid`, `If-Modified-Since` …). */
export interface ReadOptions {
  params?: Record<string, QueryValue>;
  headers?: Record<string, string>;
}

const modulePath = (module: string) => segment(module);
const recordPath = (module: string, id: string) => `${segment(module)}/${segment(id)}`;

/** GET `/{module}/{id}` → `{data: [record]}`; 204 when there is no such record, 304 when not modified. */
export function getRecord(
  client: ZCRMRestClient,
  module: string,
  id: string,
  options: ReadOptions = {},
): Promise<HttpResponse<RecordsJson>> {
  return client.request<RecordsJson>({
    path: recordPath(module, id),
    params: params(options.params ?? {}),
    headers: options.headers,
  });
}

/** GET `/{module}?page&per_page&cvid&sort_by&sort_order&fields…` → `{data, info}`; 204 when empty. */
export function listRecords(
  client: ZCRMRestClient,
  module: string,
  options: ReadOptions = {},
): Promise<HttpResponse<RecordsJson>> {
  return client.request<RecordsJson>({
    path: modulePath(module),
    params: params(options.params ?? {}),
    headers: options.headers,
  });
}

/** POST `/{module}` (≤ 100 records). */
export function insertRecords(
  client: ZCRMRestClient,
  module: string,
  body: RecordWriteBody,
): Promise<HttpResponse<WriteResultsJson>> {
  return requestItems(client, { method: 'POST', path: modulePath(module), body }, 'data');
}

/** PUT `/{module}` (≤ 100 records, each with its `id`). */
export function updateRecords(
  client: ZCRMRestClient,
  module: string,
  body: RecordWriteBody,
): Promise<HttpResponse<WriteResultsJson>> {
  return requestItems(client, { method: 'PUT', path: modulePath(module), body }, 'data');
}

/** PUT `/{module}/{id}` with `{data: [fields]}`. */
export function updateRecord(
  client: ZCRMRestClient,
  module: string,
  id: string,
  body: RecordWriteBody,
): Promise<HttpResponse<WriteResultsJson>> {
  return requestItems(client, { method: 'PUT', path: recordPath(module, id), body }, 'data');
}

/** POST `/{module}/upsert` (≤ 100 records); results carry `action` (`insert`/`update`) and `duplicate_field`. */
export function upsertRecords(
  client: ZCRMRestClient,
  module: string,
  body: RecordWriteBody,
): Promise<HttpResponse<WriteResultsJson>> {
  // An upsert is idempotent by its duplicate check, so it may be retried after a response-less failure.
  return requestItems(
    client,
    { method: 'POST', path: `${modulePath(module)}/upsert`, body, retryable: true },
    'data',
  );
}

/** DELETE `/{module}?ids=a,b,c` (≤ 100 ids). */
export function deleteRecords(
  client: ZCRMRestClient,
  module: string,
  ids: readonly string[],
): Promise<HttpResponse<WriteResultsJson>> {
  return requestItems(client, { method: 'DELETE', path: modulePath(module), params: { ids } }, 'data');
}

/** DELETE `/{module}/{id}`. */
export function deleteRecord(
  client: ZCRMRestClient,
  module: string,
  id: string,
): Promise<HttpResponse<WriteResultsJson>> {
  return requestItems(client, { method: 'DELETE', path: recordPath(module, id) }, 'data');
}
