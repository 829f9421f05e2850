import type { Readable } from 'node:stream';
import type { ZCRMRestClient, RequestOptions } from '../rest-client';
import type { HttpResponse } from '../../http/http-types';

/**
 * Sends a download request with a streamed response body: 2xx bodies stay unread streams for the caller
 * (nothing is buffered); 204/304 resolve with `noData`. Error statuses throw the same typed exceptions as JSON
 * calls (the transport reads and parses a streamed error body), and `INVALID_TOKEN` refreshes and retries
 * as for any call. `timeoutMs` bounds the wait for the response headers, not the reading of the file.
 */
export function requestDownload(
  client: ZCRMRestClient,
  options: Omit<RequestOptions, 'responseType'>,
): Promise<HttpResponse<Readable>> {
  return client.request<Readable>({
    ...options,
    method: options.method ?? 'GET',
    responseType: 'stream',
  });
}
