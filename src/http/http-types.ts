import type { RateLimitInfo } from './rate-limit-headers';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who a request acts as; the auth step fills in the token it used, for the refresh step to compare. */
export interface AuthContext {
  userEmail: string;
  accessToken?: string;
}

/** One call going down the pipeline. Steps pass it on (or a copy with changes); they never share state through it except `auth`. */
export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL including the query string. */
  url: string;
  headers: Record<string, string>;
  /** JSON-serialisable value, a string, a Buffer or FormData. */
  body?: unknown;
  responseType?: 'json' | 'arraybuffer' | 'stream';
  signal?: AbortSignal;
  /**
   * Per-attempt timeout: until the whole response has arrived, or, for `stream` responses, until the headers
   * have (reading a streamed body is the caller's, cancelled through `signal`).
   */
  timeoutMs: number;
  /** Counts against Zoho's heavy-API sub-concurrency (COQL, bulk, mass update, lead conversion). */
  heavy?: boolean;
  /** Overrides the idempotency rule for retries after response-less failures (POST opt-in, or opt-out). */
  retryable?: boolean;
  auth?: AuthContext;
}

/** A successful response. 204 and 304 are "no data" results (`noData`, `data` undefined), not errors. */
export interface HttpResponse<T = unknown> {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  data: T | undefined;
  noData: boolean;
  url: string;
  rateLimit: RateLimitInfo;
  /**
   * True when this answer is a retry's and an earlier attempt may have been processed before its answer was
   * lost (connection reset, timeout, 5xx): an idempotent delete then answers "invalid id" for records the lost
   * attempt deleted.
   */
  replayedAfterLostAnswer?: boolean;
}

export type Handler = (request: HttpRequest) => Promise<HttpResponse>;

/** A named pipeline step: does its part and calls `next` (zero, one or several times). */
export interface Step {
  readonly name: string;
  handle(request: HttpRequest, next: Handler): Promise<HttpResponse>;
}
