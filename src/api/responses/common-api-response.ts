import type { HttpResponse } from '../../http/http-types';
import type { RateLimitInfo } from '../../http/rate-limit-headers';

/**
 * What every response wrapper shares: status, URL, headers and the seed's rate-limit getters. Getters return
 * `undefined` when a header is absent (the seed raised KeyError for some of them).
 */
export abstract class CommonAPIResponse {
  readonly statusCode: number;
  readonly url: string;
  /** Response headers, names in lower case. */
  readonly headers: Record<string, string>;
  readonly rateLimit: RateLimitInfo;
  /** True for 204 No Content and 304 Not Modified: the call succeeded and carried no data. */
  readonly noData: boolean;

  protected constructor(response: HttpResponse<unknown>) {
    this.statusCode = response.status;
    this.url = response.url;
    this.headers = response.headers;
    this.rateLimit = response.rateLimit;
    this.noData = response.noData;
  }

  /** True for 304 Not Modified (an `If-Modified-Since` request found nothing newer). */
  get notModified(): boolean {
    return this.statusCode === 304;
  }

  /** `X-RATELIMIT-LIMIT`. */
  getAPILimitForCurrentWindow(): number | undefined {
    return this.rateLimit.limit;
  }

  /** `X-RATELIMIT-REMAINING`. */
  getRemainingAPICountForCurrentWindow(): number | undefined {
    return this.rateLimit.remaining;
  }

  /** `X-RATELIMIT-RESET`, as epoch milliseconds. */
  getCurrentWindowResetTimeInMillis(): number | undefined {
    return this.rateLimit.resetAt;
  }

  /** `X-ACCESSTOKEN-RESET`: when the access token used expires, as Zoho wrote it. */
  getExpiryTimeOfAccessToken(): string | undefined {
    return this.rateLimit.accessTokenReset;
  }

  /** `X-RATELIMIT-DAY-REMAINING`. */
  getRemainingAPICountForTheDay(): number | undefined {
    return this.rateLimit.dayRemaining;
  }

  /** `X-RATELIMIT-DAY-LIMIT`. */
  getAPILimitForTheDay(): number | undefined {
    return this.rateLimit.dayLimit;
  }

  /** `X-API-CREDITS-REMAINING` (Zoho sends it once half the day's credits are used). */
  getRemainingCredits(): number | undefined {
    return this.rateLimit.creditsRemaining;
  }
}
