import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import axios, { AxiosInstance, AxiosResponse, isAxiosError } from 'axios';
import { ConnectionException, TimeoutException } from '../errors/connection-exception';
import { ZCRMException } from '../errors/zcrm-exception';
import type { Handler, HttpRequest, HttpResponse } from './http-types';
import { parseRateLimitHeaders } from './rate-limit-headers';
import { parseBody, readBounded } from './read-body';

/** Keep-alive agents: connection reuse is most of the per-call cost saved on busy clients. */
export function keepAliveAgents(): { httpAgent: http.Agent; httpsAgent: https.Agent } {
  return {
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };
}

/**
 * The pipeline's last step: one HTTP exchange with axios. Every status comes back as a response (errors are the
 * `raise-for-status` step's job); failures without a response become {@link ConnectionException}s. The caller's
 * `AbortSignal` cancels the attempt, a streamed body included.
 *
 * The timeout covers the whole attempt, body included, for JSON and `arraybuffer` responses. For `stream`
 * responses it runs until the response headers arrive: a 2xx body is handed on unread, and reading it (however
 * long a large download takes) is the caller's. Other streamed answers are read here, under the timeout: an
 * error status's body (at most 1 MB) is parsed like a JSON response's, so Zoho's error envelope reaches the
 * steps above (typed errors, refresh on `INVALID_TOKEN`, retries), and 204/304 bodies are drained; either way
 * the stream is destroyed, so nothing is left holding the connection.
 */
export function axiosTransport(instance: AxiosInstance = createAxios()): Handler {
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), request.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal;
    const failure = (err: unknown) => {
      if (request.signal?.aborted) return ConnectionException.aborted(request.url);
      if (isTooLarge(err)) return responseTooLarge(request.url);
      if (deadline.signal.aborted) return TimeoutException.after(request.url, request.timeoutMs);
      return ConnectionException.fromRequestError(request.url, err, request.timeoutMs);
    };
    try {
      let response: AxiosResponse;
      try {
        response = await instance.request({
          method: request.method,
          url: request.url,
          headers: request.headers,
          data: request.body,
          responseType: request.responseType ?? 'json',
          signal,
        });
      } catch (err) {
        throw failure(err);
      }
      if (response.data instanceof Readable && !isHandedOn(response.status)) {
        try {
          response.data = parseBody(await readBounded(response.data));
        } catch (err) {
          throw failure(err);
        }
      }
      return toHttpResponse(response, request.url);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Statuses whose streamed body goes to the caller unread: successes with content. */
function isHandedOn(status: number): boolean {
  return status < 400 && status !== 204 && status !== 304;
}

/**
 * Largest JSON (or `arraybuffer`) body read into memory: far beyond any Zoho answer (a page of 200 records is a
 * few MB), so a runaway body fails fast instead of exhausting memory. Streamed downloads are not limited.
 */
export const MAX_BUFFERED_BODY_BYTES = 32 * 1024 * 1024;

/** An axios instance that leaves statuses, redirects and bodies to the pipeline. */
export function createAxios(): AxiosInstance {
  return axios.create({
    ...keepAliveAgents(),
    validateStatus: () => true,
    maxRedirects: 0,
    maxContentLength: MAX_BUFFERED_BODY_BYTES,
    // Zoho bodies are JSON; an empty or broken body must not throw here (204, proxies' HTML error pages).
    transitional: { silentJSONParsing: true, forcedJSONParsing: true },
  });
}

/** axios gives the body limit no code of its own (`ERR_BAD_RESPONSE` is also a reset mid-body): its message tells. */
function isTooLarge(err: unknown): boolean {
  return isAxiosError(err) && /maxContentLength size of -?\d+ exceeded/.test(err.message);
}

/** Not a connection failure: the same request would get the same body, so it is not retried. */
function responseTooLarge(url: string): ZCRMException {
  return new ZCRMException({
    errorCode: 'RESPONSE_TOO_LARGE',
    errorMessage: `The response body exceeds ${MAX_BUFFERED_BODY_BYTES / 1024 / 1024} MB; a Zoho API answer is never this large`,
    url,
  });
}

function toHttpResponse(response: AxiosResponse, url: string): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined && value !== null)
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  const noData = response.status === 204 || response.status === 304;
  return {
    status: response.status,
    headers,
    data: noData || response.data === '' ? undefined : response.data,
    noData,
    url,
    rateLimit: parseRateLimitHeaders(headers),
  };
}
