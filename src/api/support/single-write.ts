import type { HttpResponse } from '../../http/http-types';
import { ItemResultJson, multiWrite, singleResultOf } from '../operations/item-results';

export { multiWrite };

/**
 * Runs a single-entity write and returns its one result; an error result (whatever the HTTP status) becomes the
 * exception its code maps to (`INVALID_DATA` → `ValidationException` …), carrying the item's message and details.
 */
export async function singleWrite<T>(
  send: () => Promise<HttpResponse<T>>,
  apiKey = 'data',
): Promise<{ response: HttpResponse<unknown>; item: ItemResultJson }> {
  const response = await multiWrite(send, apiKey);
  return { response, item: singleResultOf(response, apiKey) };
}
