import type { HttpResponse } from '../../http/http-types';
import { ZCRMException } from '../../errors/zcrm-exception';
import { EntityResponse } from '../responses/entity-response';
import {
  firstOf,
  ItemResultJson,
  itemResultsOf,
  malformed,
  singleResultOf,
} from '../operations/item-results';
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

/** The one record of a read (`{data: [record]}`), or `undefined` for 204/304. */
export function firstItem(response: HttpResponse<unknown>): Json | undefined {
  return firstOf(response, 'data');
}

/** The one result of a single-record write; an error result throws the exception its code maps to. */
export function singleWriteResult(response: HttpResponse<unknown>): ItemResultJson {
  return singleResultOf(response, 'data');
}

/**
 * Pairs each input with its result. Zoho answers in input order, so results are matched by position; where
 * both the input and the result carry an id (updates, deletes) they must agree, otherwise the result is matched
 * by id instead. A response with a different number of results, or an id that matches no input, throws
 * `RESPONSE_MISMATCH` rather than attach a result to the wrong record.
 */
export function matchResults<T>(
  response: HttpResponse<unknown>,
  inputs: readonly T[],
  idOf: (input: T) => string | undefined,
  onSuccess?: (input: T, item: ItemResultJson) => void,
): EntityResponse<T>[] {
  const items = itemResultsOf(response.data, 'data');
  if (!items) throw malformed(response, 'has no per-record results in "data"');
  if (items.length !== inputs.length) {
    throw mismatch(response, `has ${items.length} result(s) for ${inputs.length} input record(s)`);
  }
  const byId = new Map<string, number>();
  inputs.forEach((input, index) => {
    const id = idOf(input);
    if (id !== undefined && !byId.has(id)) byId.set(id, index);
  });
  const used = new Set<number>();
  const pairs = items.map((item, position) => {
    const resultId = isJsonObject(item.details) ? idString(item.details.id) : undefined;
    const inputId = idOf(inputs[position]);
    let index = position;
    if (resultId !== undefined && inputId !== undefined && resultId !== inputId) {
      const found = byId.get(resultId);
      if (found === undefined)
        throw mismatch(
          response,
          `result ${position} names record ${resultId}, which is not among the inputs`,
        );
      index = found;
    }
    if (used.has(index)) throw mismatch(response, `two results belong to input ${index}`);
    used.add(index);
    return { item, index };
  });
  const results: EntityResponse<T>[] = new Array(inputs.length);
  for (const { item, index } of pairs) {
    const input = inputs[index];
    if (item.status === 'success') onSuccess?.(input, item);
    results[index] = new EntityResponse<T>(item, input);
  }
  return results;
}

function mismatch(response: HttpResponse<unknown>, problem: string): ZCRMException {
  return new ZCRMException({
    statusCode: response.status,
    errorCode: 'RESPONSE_MISMATCH',
    errorMessage: `The write response ${problem}`,
    errorContent: response.data,
    url: response.url,
  });
}
