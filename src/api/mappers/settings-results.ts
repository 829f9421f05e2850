import type { HttpResponse } from '../../http/http-types';
import { ValidationException } from '../../errors/validation-exception';
import { ZCRMException } from '../../errors/zcrm-exception';
import { EntityResponse } from '../responses/entity-response';
import { BulkAPIResponse } from '../responses/bulk-api-response';
import { ItemResultJson, itemResultsOf, malformed } from '../operations/item-results';
import { idString, isJsonObject } from './json-utils';

/**
 * Results of the settings and org bulk writes (taxes, variables, users), whose per-item results come under their
 * own key (`taxes`, `variables`, `users`) rather than `data`.
 */

/** Zoho's cap on items per write request (taxes, variables, users; wire spec §2). */
export const MAX_ITEMS_PER_WRITE = 100;

/**
 * Pairs each input with its result under `apiKey`. Results come in input order, so they are matched by position;
 * where both the input and the result carry an id they must agree, otherwise the result is matched by id. A
 * different number of results, or an id that names no input, throws `RESPONSE_MISMATCH` rather than attach a
 * result to the wrong input. `onSuccess` updates an input from its successful result (e.g. sets the new id).
 */
export function matchItemResults<T>(
  response: HttpResponse<unknown>,
  apiKey: string,
  inputs: readonly T[],
  idOf: (input: T) => string | undefined,
  onSuccess?: (input: T, item: ItemResultJson) => void,
): EntityResponse<T>[] {
  const items = itemResultsOf(response.data, apiKey);
  if (!items) throw malformed(response, `has no per-item results in "${apiKey}"`);
  if (items.length !== inputs.length) {
    throw mismatch(response, `has ${items.length} result(s) for ${inputs.length} input(s)`);
  }
  const byId = new Map<string, number>();
  inputs.forEach((input, index) => {
    const id = idOf(input);
    if (id !== undefined && !byId.has(id)) byId.set(id, index);
  });
  const results: EntityResponse<T>[] = new Array(inputs.length);
  items.forEach((item, position) => {
    const resultId = isJsonObject(item.details) ? idString(item.details.id) : undefined;
    const inputId = idOf(inputs[position]);
    let index = position;
    if (resultId !== undefined && inputId !== undefined && resultId !== inputId) {
      const found = byId.get(resultId);
      if (found === undefined)
        throw mismatch(response, `result ${position} names ${resultId}, which is not among the inputs`);
      index = found;
    }
    if (results[index]) throw mismatch(response, `two results belong to input ${index}`);
    const input = inputs[index];
    if (item.status === 'success') onSuccess?.(input, item);
    results[index] = new EntityResponse<T>(item, input);
  });
  return results;
}

/** A bulk write's response: one {@link EntityResponse} per input, `data` the inputs that succeeded, in input order. */
export function bulkWriteResponse<T>(
  response: HttpResponse<unknown>,
  results: EntityResponse<T>[],
): BulkAPIResponse<T> {
  const data = results.filter((r) => r.isSuccess && r.data !== undefined).map((r) => r.data as T);
  return new BulkAPIResponse<T>(response, { data, bulkEntityResponse: results });
}

/** The new id a successful create reported (`details.id`). */
export function createdId(item: ItemResultJson): string | undefined {
  return isJsonObject(item.details) ? idString(item.details.id) : undefined;
}

/** Checks a bulk write's size: 1..100 items (§1.3), before any request. */
export function checkBatch(what: string, items: readonly unknown[] | undefined): void {
  if (!Array.isArray(items) || items.length === 0) {
    throw ValidationException.invalidInput(what, 'give at least one');
  }
  if (items.length > MAX_ITEMS_PER_WRITE) {
    throw ValidationException.invalidInput(
      what,
      `at most ${MAX_ITEMS_PER_WRITE} per request, got ${items.length}`,
    );
  }
}

/** Checks that a required id is a non-empty string. */
export function requireId(what: string, id: string | undefined | null): string {
  if (typeof id !== 'string' || id.trim() === '')
    throw ValidationException.invalidInput(what, 'an id is required');
  return id;
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
