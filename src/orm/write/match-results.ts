import { EntityResponse } from '../../api/responses/entity-response';
import { idString, isJsonObject } from '../../api/mappers/json-utils';

/**
 * Pairs the inputs of a multi-record write with Zoho's results. Zoho answers in input order, so results are
 * matched by position; a success naming another record's id than its input's is looked for by id among the
 * other successes, and an input left without a result gets a `NO_RESULT` error, so every input has exactly one
 * result. The id of an error result is not the input's (`DUPLICATE_DATA` names the record it clashes with),
 * so only successes are checked by id.
 */
export function matchResults<I, D>(
  inputs: readonly I[],
  results: unknown,
  idOfInput: (input: I) => string | undefined,
): EntityResponse<D>[] {
  const items = Array.isArray(results) ? results.filter(isJsonObject) : [];
  const successId = (item: Record<string, unknown>) =>
    item.status === 'success' && isJsonObject(item.details) ? idString(item.details.id) : undefined;
  const used = new Set<number>();
  return inputs.map((input, index) => {
    const wanted = idOfInput(input);
    let at = index < items.length ? index : -1;
    const positional = at >= 0 ? successId(items[at]) : undefined;
    if (wanted !== undefined && positional !== undefined && positional !== wanted) {
      at = items.findIndex((item, i) => !used.has(i) && successId(item) === wanted);
    }
    if (at < 0 || used.has(at)) {
      return new EntityResponse<D>({
        status: 'error',
        code: 'NO_RESULT',
        message: `Zoho returned no result for input ${index}${wanted === undefined ? '' : ` (id ${wanted})`}`,
        details: wanted === undefined ? {} : { id: wanted },
      });
    }
    used.add(at);
    return new EntityResponse<D>(items[at]);
  });
}
