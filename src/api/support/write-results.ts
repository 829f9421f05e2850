import { EntityResponse } from '../responses/entity-response';
import { isJsonObject, idString } from '../mappers/json-utils';

/**
 * Pairs each input of a multi-item write with its result. Zoho answers in input order, so results are matched
 * by position; where a result names an id (`details.id`) that is not the input's, the result carrying the
 * input's id is used instead, and an input left without a result gets an error `EntityResponse`
 * (`NO_RESULT`), so every input always has exactly one result.
 */
export function matchEntityResponses<I, D>(
  inputs: readonly I[],
  results: unknown,
  idOfInput: (input: I) => string | undefined,
  dataFor: (result: Record<string, unknown>, input: I) => D | undefined = () => undefined,
): EntityResponse<D>[] {
  const items = Array.isArray(results) ? results.filter(isJsonObject) : [];
  const used = new Set<number>();
  const resultId = (item: Record<string, unknown>) =>
    isJsonObject(item.details) ? idString(item.details.id) : undefined;
  return inputs.map((input, index) => {
    const wanted = idOfInput(input);
    let at = index < items.length && !used.has(index) ? index : -1;
    const positional = at >= 0 ? resultId(items[at]) : undefined;
    if (wanted !== undefined && (at < 0 || (positional !== undefined && positional !== wanted))) {
      const byId = items.findIndex((item, i) => !used.has(i) && resultId(item) === wanted);
      if (byId >= 0) at = byId;
      else if (positional !== undefined) at = -1;
    }
    if (at < 0) {
      return new EntityResponse<D>({
        status: 'error',
        code: 'NO_RESULT',
        message: `Zoho returned no result for input ${index}${wanted === undefined ? '' : ` (id ${wanted})`}`,
        details: wanted === undefined ? {} : { id: wanted },
      });
    }
    used.add(at);
    const item = items[at];
    return new EntityResponse<D>(item, item.status === 'success' ? dataFor(item, input) : undefined);
  });
}
