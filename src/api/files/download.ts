import { Readable } from 'node:stream';
import type { ZCRMRestClient, RequestOptions } from '../rest-client';
import { exceptionFromResponse } from '../../errors/error-table';
import { RateLimitException } from '../../errors/rate-limit-exception';
import { ZCRMException } from '../../errors/zcrm-exception';
import type { HttpResponse } from '../../http/http-types';

/** Largest error body read from a failed download (Zoho's error envelopes are a few hundred bytes). */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * Sends a download request with a streamed response body: 2xx bodies stay unread streams for the caller
 * (nothing is buffered); 204/304 resolve with `noData`. An error status arrives from the pipeline with the
 * unread stream as its content, so its (small) JSON body is read here and the exception rebuilt from Zoho's
 * envelope, giving downloads the same typed errors (`INVALID_DATA` …) as JSON calls.
 */
export async function requestDownload(
  client: ZCRMRestClient,
  options: Omit<RequestOptions, 'responseType'>,
): Promise<HttpResponse<Readable>> {
  try {
    return await client.request<Readable>({
      ...options,
      method: options.method ?? 'GET',
      responseType: 'stream',
    });
  } catch (err) {
    if (!(err instanceof ZCRMException) || !(err.errorContent instanceof Readable)) throw err;
    const text = await readSmallBody(err.errorContent);
    let body: unknown = text;
    try {
      body = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    throw exceptionFromResponse({
      status: err.statusCode,
      body,
      url: err.url ?? '',
      retryAfterMs: err instanceof RateLimitException ? err.retryAfterMs : undefined,
    });
  }
}

/** Reads at most {@link MAX_ERROR_BODY_BYTES} of a stream as UTF-8 and releases the rest. */
async function readSmallBody(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      chunks.push(buffer);
      size += buffer.length;
      if (size >= MAX_ERROR_BODY_BYTES) break;
    }
  } catch {
    // a broken error body: report what arrived
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES).toString('utf8');
}
