import type { ZohoOAuthTokens } from '../config/token-store-contract';

export type { ZohoOAuthTokens };

/** True while the access token has more than `marginMs` of life left at `now`. */
export function isFresh(tokens: ZohoOAuthTokens, now: number, marginMs: number): boolean {
  return tokens.expiryTime - now > marginMs;
}

/** Same user, same tokens, same expiry. */
export function sameTokens(a: ZohoOAuthTokens | undefined, b: ZohoOAuthTokens | undefined): boolean {
  return (
    a === b ||
    (a !== undefined &&
      b !== undefined &&
      a.userEmail === b.userEmail &&
      a.accessToken === b.accessToken &&
      a.refreshToken === b.refreshToken &&
      a.expiryTime === b.expiryTime)
  );
}

/** User identifiers are emails, which Zoho treats case-insensitively. */
export function userKey(userEmail: string): string {
  return userEmail.trim().toLowerCase();
}

/**
 * Lifetime of a token response in ms (https://www.zoho.com/crm/developer/docs/api/v2/access-refresh.html): when `expires_in_sec` is present, `expires_in` is in
 * milliseconds (older Zoho responses); otherwise `expires_in` is in seconds.
 */
export function expiresInMs(json: Record<string, unknown>): number {
  const value = Number(json.expires_in);
  if (!Number.isFinite(value) || value <= 0) return 3_600_000;
  return 'expires_in_sec' in json ? value : value * 1000;
}
