import http from 'node:http';
import https from 'node:https';
import axios, { AxiosInstance, AxiosResponse } from 'axios';
import { ConnectionException, TimeoutException } from '../errors/connection-exception';
import type { Handler, HttpRequest, HttpResponse } from './http-types';
import { parseRateLimitHeaders } from './rate-limit-headers';

/** Keep-alive agents: connection reuse is most of the per-call cost saved on busy clients. */
export function keepAliveAgents(): { httpAgent: http.Agent; httpsAgent: https.Agent } {
  return {
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };
}

/**
 * The pipeline's last step: one HTTP exchange with axios. Every status comes back as a response (errors are the
 * `raise-for-status` step's job); failures without a response become {@link ConnectionException}s. The timeout
 * covers the whole attempt, headers and body, and the caller's `AbortSignal` cancels it.
 */
export function axiosTransport(instance: AxiosInstance = createAxios()): Handler {
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const deadline = AbortSignal.timeout(request.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
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
      if (request.signal?.aborted) throw ConnectionException.aborted(request.url);
      if (deadline.aborted) throw TimeoutException.after(request.url, request.timeoutMs);
      throw ConnectionException.fromRequestError(request.url, err, request.timeoutMs);
    }
    return toHttpResponse(response, request.url);
  };
}

/** An axios instance that leaves statuses, redirects and bodies to the pipeline. */
export function createAxios(): AxiosInstance {
  return axios.create({
    ...keepAliveAgents(),
    validateStatus: () => true,
    maxRedirects: 0,
    // Zoho bodies are JSON; an empty or broken body must not throw here (204, proxies' HTML error pages).
    transitional: { silentJSONParsing: true, forcedJSONParsing: true },
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
