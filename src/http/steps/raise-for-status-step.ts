import { exceptionFromResponse } from '../../errors/error-table';
import type { Step } from '../http-types';
import { retryAfterMs } from '../rate-limit-headers';

/** Turns error statuses into typed exceptions (via the errors table); 2xx, 204 and 304 pass through. */
export function raiseForStatusStep(): Step {
  return {
    name: 'raise-for-status',
    async handle(request, next) {
      const response = await next(request);
      if (response.status < 400) return response;
      throw exceptionFromResponse({
        status: response.status,
        body: response.data,
        url: response.url,
        retryAfterMs: response.status === 429 ? retryAfterMs(response.headers) : undefined,
      });
    },
  };
}
