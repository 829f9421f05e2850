import type { HttpResponse } from '../../http/http-types';
import { ZCRMException } from '../../errors/zcrm-exception';
import { ItemResultJson, itemResultsOf, singleResultOf } from '../operations/item-results';

/**
 * Runs a write whose answer lists per-item results under `apiKey`, and gives back the response even when Zoho
 * answered an error status because every item failed (the pipeline throws for that status; the results are
 * in the exception's content). Request-level errors are rethrown unchanged.
 */
export async function multiWrite<T>(
  send: () => Promise<HttpResponse<T>>,
  apiKey = 'data',
): Promise<HttpResponse<unknown>> {
  try {
    return await send();
  } catch (error) {
    const items = error instanceof ZCRMException ? itemResultsOf(error.errorContent, apiKey) : undefined;
    if (!(error instanceof ZCRMException) || !items) throw error;
    return {
      status: error.statusCode,
      headers: {},
      data: { [apiKey]: items },
      noData: false,
      url: error.url ?? '',
      rateLimit: {},
    };
  }
}

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
