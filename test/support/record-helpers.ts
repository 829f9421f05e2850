import { ZCRMRestClient } from '../../src/api/rest-client';
import { MemoryTokenStore } from '../../src/auth';
import type { Handler, HttpRequest, HttpResponse, Step } from '../../src/http/http-types';
import { parseRateLimitHeaders } from '../../src/http/rate-limit-headers';

/** What a captured request looked like when it left the SDK (after the auth header was set). */
export interface CapturedRequest {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: any;
}

/**
 * Records every request `client` sends (real HTTP still happens): a step inserted after the default headers, so
 * tests can assert the exact body of a write. Returns the live list.
 */
export function captureRequests(client: ZCRMRestClient): CapturedRequest[] {
  const captured: CapturedRequest[] = [];
  const step: Step = {
    name: 'test-capture',
    handle(request: HttpRequest, next) {
      const url = new URL(request.url);
      captured.push({
        method: request.method,
        url: request.url,
        path: url.pathname,
        query: url.searchParams,
        headers: { ...request.headers },
        body: request.body === undefined ? undefined : JSON.parse(JSON.stringify(request.body)),
      });
      return next(request);
    },
  };
  client.pipeline = client.pipeline.insertAfter('default-headers', step);
  return captured;
}

/** One canned answer of {@link cannedClient}. */
export interface CannedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A client whose transport answers from `answer` instead of the network: for parsing tests over Zoho's
 * documented sample responses (which the emulator need not reproduce byte for byte). Tokens are pre-stored, so
 * the whole pipeline (auth header, status handling, rate-limit headers) runs as usual.
 */
export async function cannedClient(
  answer: (request: HttpRequest) => CannedResponse,
): Promise<{ client: ZCRMRestClient; requests: HttpRequest[] }> {
  const store = new MemoryTokenStore();
  const email = 'patricia.boyle@zylker.com';
  await store.saveOAuthTokens({
    userEmail: email,
    accessToken: '1000.access',
    refreshToken: '1000.refresh',
    expiryTime: Date.now() + 3_600_000,
  });
  const requests: HttpRequest[] = [];
  const transport: Handler = async (request) => {
    requests.push(request);
    const canned = answer(request);
    const headers = Object.fromEntries(
      Object.entries(canned.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const noData = canned.status === 204 || canned.status === 304;
    const response: HttpResponse = {
      status: canned.status,
      headers,
      data: noData ? undefined : canned.body,
      noData,
      url: request.url,
      rateLimit: parseRateLimitHeaders(headers),
    };
    return response;
  };
  const client = new ZCRMRestClient(
    {
      clientId: '1000.client',
      clientSecret: 'secret',
      apiBaseUrl: 'https://www.zohoapis.com',
      currentUserEmail: email,
      tokenStore: store,
      retry: false,
    },
    { transport },
  );
  return { client, requests };
}
