import { ConnectionException } from '../../errors/connection-exception';
import { RateLimitException } from '../../errors/rate-limit-exception';
import { ZCRMException } from '../../errors/zcrm-exception';
import type { HttpRequest } from '../http-types';

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RETRIED_STATUSES = new Set([500, 502, 503, 504]);

/**
 * Whether the request may be sent again after it may already have been processed: idempotent methods, and
 * POSTs to `/upsert` (upserting twice gives the same result); `request.retryable` overrides both ways.
 */
export function isReplayable(request: HttpRequest): boolean {
  if (request.retryable !== undefined) return request.retryable;
  if (IDEMPOTENT_METHODS.has(request.method)) return true;
  return request.method === 'POST' && /\/upsert$/.test(new URL(request.url).pathname);
}

/**
 * Whether a failed attempt may have been processed: no answer arrived after the request was sent (a reset,
 * a timeout, an abort), or the server answered with a 5xx (it may have stored part of the work before failing).
 * A 429 or a refused connection was not processed.
 */
export function mayHaveBeenProcessed(error: unknown): boolean {
  if (error instanceof ConnectionException) return error.maybeProcessed;
  return error instanceof ZCRMException && error.statusCode >= 500;
}

/** The retry decision for a failed attempt: `wait` (ms, undefined = use backoff), or undefined for "do not retry". */
export function retryDecision(error: unknown, request: HttpRequest): { wait?: number } | undefined {
  // 429: nothing was processed; any method may go again, after the wait the headers ask for.
  if (error instanceof RateLimitException && error.statusCode === 429) return { wait: error.retryAfterMs };
  if (error instanceof ConnectionException && error.failure === 'aborted') return undefined;
  const transient =
    error instanceof ConnectionException ||
    (error instanceof ZCRMException && RETRIED_STATUSES.has(error.statusCode));
  if (!transient) return undefined;
  // What the server may have processed goes again only when repeating it is harmless; a refused connection
  // never reached the server, so even a POST is safe to send again.
  return !mayHaveBeenProcessed(error) || isReplayable(request) ? {} : undefined;
}
