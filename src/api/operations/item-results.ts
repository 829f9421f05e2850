import type { QueryValue, RequestOptions, ZCRMRestClient } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';
import { ZCRMException } from '../../errors/zcrm-exception';
import { exceptionClassFor } from '../../errors/error-table';

/** Loosely typed JSON object as Zoho sends it. */
export type JsonObject = Record<string, unknown>;

/** One element of a write response's array: `{status, code, message, details}` (https://www.zoho.com/crm/developer/docs/api/v2/status-codes.html). */
export interface ItemResultJson extends JsonObject {
  status: string;
  code?: string;
  message?: string;
  details?: JsonObject;
}

/** A `GET` that may carry `If-Modified-Since` (ISO-8601 with offset, as Zoho expects it). */
export interface ConditionalGet {
  /** Only return entities changed after this instant; nothing changed → 304 (`noData`). */
  ifModifiedSince?: Date | string;
}

/** `If-Modified-Since` in Zoho's format (`2019-07-25T15:26:49+00:00`, never RFC-1123). */
export function ifModifiedSinceHeader(
  options: ConditionalGet | undefined,
): Record<string, string> | undefined {
  const since = options?.ifModifiedSince;
  if (since === undefined) return undefined;
  const text = since instanceof Date ? since.toISOString().replace(/\.\d{3}Z$/, '+00:00') : since;
  return { 'If-Modified-Since': text };
}

/** Paging, sorting and `If-Modified-Since` of a record's sub-resource list (notes, related records); pages start at 1. */
export interface SortedPageParams {
  page?: number;
  perPage?: number;
  sortBy?: string;
  sortOrder?: 'asc' | 'desc';
  /** Only entries modified after this ISO-8601 date-time (304 when none). */
  ifModifiedSince?: string;
}

/** The query parameters (`page`, `per_page`, `sort_by`, `sort_order`) and header of {@link SortedPageParams}. */
export function sortedPageRequest(options: SortedPageParams): Pick<RequestOptions, 'params' | 'headers'> {
  return {
    params: {
      page: options.page,
      per_page: options.perPage,
      sort_by: options.sortBy,
      sort_order: options.sortOrder,
    },
    headers: ifModifiedSinceHeader(options),
  };
}

/** A path segment (id or API name), URL-encoded. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

/** Drops `undefined` entries so only given parameters are sent. */
export function params(values: Record<string, QueryValue>): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * Runs a write whose response lists one result per input item under `apiKey`, and gives back the response even
 * when Zoho (and the emulator) answered an error status because *every* item failed: the pipeline turns that
 * status into an exception, which this function turns back into the response it was, so callers always get
 * one result per input. Request-level errors (no item array in the body) are rethrown unchanged.
 *
 * The rebuilt response has no headers (the exception does not keep them), so its rate-limit getters return
 * `undefined`.
 */
export async function multiWrite<T>(
  send: () => Promise<HttpResponse<T>>,
  apiKey = 'data',
): Promise<HttpResponse<unknown>> {
  try {
    return await send();
  } catch (error) {
    const items = itemResultsOf(error instanceof ZCRMException ? error.errorContent : undefined, apiKey);
    if (!(error instanceof ZCRMException) || !items) throw error;
    return {
      status: error.statusCode,
      headers: {},
      data: { [apiKey]: items },
      noData: false,
      url: error.url ?? '',
      rateLimit: {},
      replayedAfterLostAnswer: error.replayedAfterLostAnswer,
    };
  }
}

/** {@link multiWrite} of one `client.request(options)`. */
export function requestItems(
  client: ZCRMRestClient,
  options: RequestOptions,
  apiKey: string,
): Promise<HttpResponse<Record<string, ItemResultJson[]>>> {
  return multiWrite(() => client.request(options), apiKey) as Promise<
    HttpResponse<Record<string, ItemResultJson[]>>
  >;
}

/** The item results under `apiKey` when `body` is a write response (every element has a `status`). */
export function itemResultsOf(body: unknown, apiKey: string): ItemResultJson[] | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const items = (body as JsonObject)[apiKey];
  if (!Array.isArray(items) || items.length === 0) return undefined;
  const all = items.every(
    (item) => typeof item === 'object' && item !== null && typeof (item as JsonObject).status === 'string',
  );
  return all ? (items as ItemResultJson[]) : undefined;
}

/** The array under `apiKey` of a read response, `[]` for 204/304; a 2xx body without it is a broken response. */
export function listOf(response: HttpResponse<unknown>, apiKey: string): JsonObject[] {
  if (response.noData || response.data === undefined) return [];
  const body = response.data;
  const list = typeof body === 'object' && body !== null ? (body as JsonObject)[apiKey] : undefined;
  if (!Array.isArray(list)) throw malformed(response, `has no "${apiKey}" array`);
  return list.filter(
    (item): item is JsonObject => typeof item === 'object' && item !== null && !Array.isArray(item),
  );
}

/** The single entity of a read response (`{"<apiKey>": [ {...} ]}`), `undefined` for 204/304. */
export function firstOf(response: HttpResponse<unknown>, apiKey: string): JsonObject | undefined {
  if (response.noData || response.data === undefined) return undefined;
  const list = listOf(response, apiKey);
  if (list.length === 0) throw malformed(response, `has an empty "${apiKey}" array`);
  return list[0];
}

/** The `info` object of a list response, when present. */
export function infoOf(response: HttpResponse<unknown>): JsonObject | undefined {
  const body = response.data;
  if (typeof body !== 'object' || body === null) return undefined;
  const info = (body as JsonObject).info;
  return typeof info === 'object' && info !== null && !Array.isArray(info) ? (info as JsonObject) : undefined;
}

/**
 * The one item result of a single-entity write. An error item becomes the exception its code maps to (the seed's
 * APIResponse did the same), carrying the item's code, message and details.
 */
export function singleResultOf(response: HttpResponse<unknown>, apiKey: string): ItemResultJson {
  const items = itemResultsOf(response.data, apiKey);
  if (!items) {
    // Some single writes answer with one top-level result (`{"status":"success",...}`).
    const body = response.data as JsonObject | undefined;
    if (body && typeof body.status === 'string') return raiseIfError(response, body as ItemResultJson);
    throw malformed(response, `has no "${apiKey}" result`);
  }
  return raiseIfError(response, items[0]);
}

function raiseIfError(response: HttpResponse<unknown>, item: ItemResultJson): ItemResultJson {
  if (item.status !== 'error') return item;
  const code = typeof item.code === 'string' ? item.code : `HTTP_${response.status}`;
  const Class = exceptionClassFor(code, response.status);
  throw new Class({
    statusCode: response.status,
    errorCode: code,
    errorMessage: typeof item.message === 'string' ? item.message : 'the request failed',
    errorDetails: item.details ?? {},
    errorContent: response.data,
    url: response.url,
  });
}

/** A 2xx response whose body does not have the documented shape. */
export function malformed(response: HttpResponse<unknown>, problem: string): ZCRMException {
  return new ZCRMException({
    statusCode: response.status,
    errorCode: 'INVALID_RESPONSE',
    errorMessage: `The response ${problem}`,
    errorContent: response.data,
    url: response.url,
  });
}
