/**
 * Rate-limit and credit headers of a CRM response (https://www.zoho.com/crm/developer/docs/api/v2/api-limits.html): the current
 * `X-API-CREDITS-REMAINING`, the v2-era `X-RATELIMIT-*` set and `X-ACCESSTOKEN-RESET`.
 */
export interface RateLimitInfo {
  /** `X-API-CREDITS-REMAINING` (sent once half the day's credits are used). */
  creditsRemaining?: number;
  /** `X-RATELIMIT-LIMIT`: requests allowed in the current window. */
  limit?: number;
  /** `X-RATELIMIT-REMAINING`. */
  remaining?: number;
  /** `X-RATELIMIT-RESET` as epoch ms. */
  resetAt?: number;
  /** `X-RATELIMIT-DAY-LIMIT`. */
  dayLimit?: number;
  /** `X-RATELIMIT-DAY-REMAINING`. */
  dayRemaining?: number;
  /** `X-ACCESSTOKEN-RESET`: when the access token expires, as Zoho wrote it. */
  accessTokenReset?: string;
}

/** Parses the headers (names in lower case); absent or malformed headers stay undefined. */
export function parseRateLimitHeaders(headers: Record<string, string>): RateLimitInfo {
  const info: RateLimitInfo = {};
  const set = (key: keyof Omit<RateLimitInfo, 'accessTokenReset'>, value: number | undefined) => {
    if (value !== undefined) info[key] = value;
  };
  set('creditsRemaining', integer(headers['x-api-credits-remaining']));
  set('limit', integer(headers['x-ratelimit-limit']));
  set('remaining', integer(headers['x-ratelimit-remaining']));
  set('resetAt', instant(headers['x-ratelimit-reset'], Date.now()));
  set('dayLimit', integer(headers['x-ratelimit-day-limit']));
  set('dayRemaining', integer(headers['x-ratelimit-day-remaining']));
  if (headers['x-accesstoken-reset']) info.accessTokenReset = headers['x-accesstoken-reset'];
  return info;
}

/**
 * How long a 429 asks to wait: `Retry-After` (seconds or an HTTP date), else `X-RATELIMIT-RESET`
 * (epoch ms, epoch s, seconds from now, or ISO-8601). Undefined when neither says.
 */
export function retryAfterMs(headers: Record<string, string>, now = Date.now()): number | undefined {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    const at = Number.isFinite(seconds) ? now + seconds * 1000 : Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  const reset = instant(headers['x-ratelimit-reset'], now);
  return reset === undefined ? undefined : Math.max(0, reset - now);
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

function instant(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  if (Number.isFinite(number)) {
    if (number > 1e12) return number;
    if (number > 1e9) return number * 1000;
    return now + number * 1000;
  }
  const parsed = Date.parse(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}
