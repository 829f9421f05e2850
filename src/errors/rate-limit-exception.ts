import { ZCRMException, ZCRMExceptionInit } from './zcrm-exception';

/** Zoho refused the call for now (credits, concurrency or token-endpoint throttling). `retryAfterMs` is the wait, when known. */
export class RateLimitException extends ZCRMException {
  readonly retryAfterMs: number | undefined;

  constructor(init: ZCRMExceptionInit & { retryAfterMs?: number }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Zoho Accounts' "too many requests continuously" answer to token requests. */
  static tokenEndpointThrottled(url: string, content: unknown): RateLimitException {
    return new RateLimitException({
      statusCode: 400,
      errorCode: 'TOKEN_REQUESTS_THROTTLED',
      errorMessage:
        'Zoho Accounts throttled token requests (at most 10 access tokens per refresh token per 10 minutes); wait and retry',
      errorContent: content,
      url,
      retryAfterMs: 10 * 60 * 1000,
    });
  }
}
