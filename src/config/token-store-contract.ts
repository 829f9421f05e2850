/**
 * The contract between the OAuth client and token persistence. It lives in the config layer because users plug
 * their own store in through the configuration; `src/auth` provides the implementations.
 */

/** One user's tokens, as the seed's `ZohoOAuthTokens` (and its `oauthtokens` table row). */
export interface ZohoOAuthTokens {
  userEmail: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiryTime: number;
}

/**
 * Token persistence keyed by user email. `getOAuthTokens`, `saveOAuthTokens` and `deleteOAuthTokens` are the
 * seed's persistence interface (a custom class needs only these three).
 */
export interface TokenStore {
  /** The user's tokens, or undefined when none are stored. */
  getOAuthTokens(userEmail: string): Promise<ZohoOAuthTokens | undefined>;
  saveOAuthTokens(tokens: ZohoOAuthTokens): Promise<void>;
  deleteOAuthTokens(userEmail: string): Promise<void>;
  /**
   * Optional exclusive update across processes: re-reads the user's tokens under a lock (a row lock, a lock
   * file …), passes them to `update`, saves what it returns when that differs from what it got, and releases
   * the lock. Stores shared by several processes implement it so that N processes refresh once, not N times.
   */
  updateOAuthTokens?(
    userEmail: string,
    update: (current: ZohoOAuthTokens | undefined) => Promise<ZohoOAuthTokens | undefined>,
  ): Promise<ZohoOAuthTokens | undefined>;
  /**
   * Optional: the users whose tokens are stored. With exactly one, a client configured without a current
   * user acts as that user (after `zcrm auth grant`, say).
   */
  listUserEmails?(): Promise<string[]>;
  /** Optional: releases connections, timers and files. */
  close?(): Promise<void>;
}
