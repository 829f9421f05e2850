import type { HttpResponse } from '../../http/http-types';
import type { EntityResponse } from '../responses/entity-response';
import {
  firstEntityOf,
  firstOf,
  ItemResultJson,
  malformed,
  singleResultOf,
} from '../operations/item-results';
import { matchItemResults } from '../support/write-results';
import { idString, isJsonObject, Json } from './json-utils';

/** Turning record write responses into results: the single result of one-record writes, per-input matching of bulk writes. */

/** Options every record write shares (`trigger`, `process`, `lar_id`). */
export interface WriteOptionsInput {
  trigger?: string[];
  process?: string[];
  larId?: string;
}

/** The top-level body keys of a write's options; `lar_id` only where Zoho takes it (insert, upsert). */
export function writeOptionsBody(options: WriteOptionsInput, allowLarId: boolean): Json {
  const out: Json = {};
  if (options.trigger !== undefined) out.trigger = options.trigger;
  if (options.process !== undefined) out.process = options.process;
  if (allowLarId && options.larId !== undefined) out.lar_id = options.larId;
  return out;
}

/** The one record of a read (`{data: [record]}`, with its id), or `undefined` for 204/304. */
export function firstRecord(response: HttpResponse<unknown>): Json | undefined {
  return firstEntityOf(response, 'data');
}

/** The first item under `data` (a conversion's result), or `undefined` for 204/304. */
export function firstItem(response: HttpResponse<unknown>): Json | undefined {
  return firstOf(response, 'data');
}

/**
 * The one result of a single-record write; an error result throws the exception its code maps to. A success must
 * name the record (`details.id`, and the id written to when given): without it the write cannot be confirmed,
 * nor the new record's id known.
 */
export function singleWriteResult(response: HttpResponse<unknown>, recordId?: string): ItemResultJson {
  const item = singleResultOf(response, 'data');
  if (item.status !== 'success') return item;
  const id = isJsonObject(item.details) ? idString(item.details.id) : undefined;
  if (id === undefined)
    throw malformed(response, 'confirms the write without naming the record (no details.id)');
  if (recordId !== undefined && id !== recordId) {
    throw malformed(response, `names record ${id} for a write to record ${recordId}`);
  }
  return item;
}

/**
 * Pairs each input record with its result under `data`: strict matching by position, checked by id.
 * @deprecated Use `matchItemResults(response, 'data', …)` from `support/write-results` (the one pairing rule).
 */
export function matchResults<T>(
  response: HttpResponse<unknown>,
  inputs: readonly T[],
  idOf: (input: T) => string | undefined,
  onSuccess?: (input: T, item: ItemResultJson) => void,
): EntityResponse<T>[] {
  return matchItemResults(response, 'data', inputs, idOf, onSuccess);
}
