import type { HttpResponse } from '../../http/http-types';
import { ZCRMException } from '../../errors/zcrm-exception';
import { idString, isJsonObject } from '../mappers/json-utils';
import { ItemResultJson, itemResultsOf, JsonObject, malformed } from '../operations/item-results';
import { BulkAPIResponse } from '../responses/bulk-api-response';
import { EntityResponse } from '../responses/entity-response';

/**
 * The per-item results of multi-item writes (records, taxes, variables, users, tags, relations …), paired with
 * the inputs they belong to: Zoho answers in input order, so results are matched by position, and
 * checked by id where both the input and the result carry one; a result naming another input's id is paired
 * with that input instead. {@link pairResults} is the one pairing rule; {@link matchItemResults} (strict: a
 * result it cannot place throws) and {@link matchEntityResponses} (lenient: an input left without a result gets
 * a `NO_RESULT` error) are the two policies built on it.
 */

/** The id a result names (`details.id`), if any. */
/**
 * The record id a result names, for successes only: an error's `details.id` may name another record
 * (`DUPLICATE_DATA` names the record the input clashes with), so errors are placed by position alone.
 */
function resultIdOf(item: JsonObject): string | undefined {
  return item.status === 'success' && isJsonObject(item.details) ? idString(item.details.id) : undefined;
}

/**
 * For each input, the result that belongs to it (or undefined). A result whose position is an input's is that
 * input's, unless both carry ids that differ: then (as for a result past the last input) it goes to the input
 * with its id. `onProblem` hears of each result that cannot be placed (an id no input has, a second result for
 * one input): throw from it to refuse the response; otherwise that result is left out.
 */
export function pairResults<I>(
  inputs: readonly I[],
  items: readonly JsonObject[],
  idOf: (input: I) => string | undefined,
  onProblem: (problem: string) => void = () => {},
): Array<JsonObject | undefined> {
  const byId = new Map<string, number>();
  inputs.forEach((input, index) => {
    const id = idOf(input);
    if (id !== undefined && !byId.has(id)) byId.set(id, index);
  });
  const paired: Array<JsonObject | undefined> = new Array<JsonObject | undefined>(inputs.length).fill(
    undefined,
  );
  items.forEach((item, position) => {
    const resultId = resultIdOf(item);
    let index: number | undefined = position < inputs.length ? position : undefined;
    const inputId = index === undefined ? undefined : idOf(inputs[index]);
    if (resultId !== undefined && (index === undefined || (inputId !== undefined && inputId !== resultId))) {
      index = byId.get(resultId);
      if (index === undefined) {
        onProblem(`result ${position} names ${resultId}, which is not among the inputs`);
        return;
      }
    }
    if (index === undefined) {
      onProblem(`result ${position} has no input`);
      return;
    }
    if (paired[index]) {
      onProblem(`two results belong to input ${index}`);
      return;
    }
    paired[index] = item;
  });
  return paired;
}

/**
 * Strict pairing of the results under `apiKey` with `inputs`: a different number of results, an id that names no
 * input, or two results for one input throws `RESPONSE_MISMATCH` rather than attach a result to the wrong input
 * (a body without per-item results throws `INVALID_RESPONSE`). Each result's `data` is its input; `onSuccess`
 * updates an input from its successful result (new id, modified time …), once every result is placed.
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
  const paired = pairResults(inputs, items, idOf, (problem) => {
    throw mismatch(response, problem);
  }) as ItemResultJson[];
  return paired.map((item, index) => {
    if (item.status === 'success') onSuccess?.(inputs[index], item);
    return new EntityResponse<T>(item, inputs[index]);
  });
}

/**
 * Lenient pairing of a results array (e.g. a body's `data`, possibly missing) with `inputs`: every input gets
 * exactly one result; one left without gets an error `EntityResponse` (`NO_RESULT`), and results that cannot be
 * placed are left out. `dataFor` gives a successful result's `data` (none by default; errors have none).
 */
export function matchEntityResponses<I, D>(
  inputs: readonly I[],
  results: unknown,
  idOfInput: (input: I) => string | undefined,
  dataFor: (result: Record<string, unknown>, input: I) => D | undefined = () => undefined,
): EntityResponse<D>[] {
  const items = Array.isArray(results) ? results.filter(isJsonObject) : [];
  return pairResults(inputs, items, idOfInput).map((item, index) => {
    const input = inputs[index];
    if (!item) {
      const wanted = idOfInput(input);
      return new EntityResponse<D>({
        status: 'error',
        code: 'NO_RESULT',
        message: `Zoho returned no result for input ${index}${wanted === undefined ? '' : ` (id ${wanted})`}`,
        details: wanted === undefined ? {} : { id: wanted },
      });
    }
    return new EntityResponse<D>(item, item.status === 'success' ? dataFor(item, input) : undefined);
  });
}

/** A multi-item write's response: one {@link EntityResponse} per input, `data` the successes' data, in input order. */
export function bulkWriteResponse<T>(
  response: HttpResponse<unknown>,
  results: EntityResponse<T>[],
): BulkAPIResponse<T> {
  const data = results.filter((r) => r.isSuccess && r.data !== undefined).map((r) => r.data as T);
  return new BulkAPIResponse<T>(response, { data, bulkEntityResponse: results });
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
