import type { ZCRMRestClient } from '../../src/api/rest-client';
import type { HttpRequest } from '../../src/http/http-types';

/** What a captured request carried: method, URL (path + query, relative to the host) and JSON body. */
export interface CapturedRequest {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * Observes the requests a client sends (after the default headers are set), without changing them: the calls
 * still go over real HTTP to the emulator. Returns the live list of captured requests.
 */
export function captureRequests(client: ZCRMRestClient): CapturedRequest[] {
  const captured: CapturedRequest[] = [];
  client.pipeline = client.pipeline.insertAfter('default-headers', {
    name: 'test-capture',
    handle(request: HttpRequest, next) {
      const url = new URL(request.url);
      captured.push({
        method: request.method,
        url: decodeURIComponent(url.pathname + url.search),
        body: request.body,
        headers: request.headers,
      });
      return next(request);
    },
  });
  return captured;
}
