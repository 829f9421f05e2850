import type { ResolvedConfig } from '../config/client-config';
import type { ZCRMLogger } from '../config/logger';
import type { TokenStore, ZohoOAuthTokens } from '../config/token-store-contract';
import { AuthenticationException } from '../errors/authentication-exception';
import { redactInspection, registerSecret } from '../errors/redact';
import { AccountsClient } from './accounts-client';
import { isFresh, userKey } from './oauth-tokens';
import { SingleFlight } from './single-flight';
import { updateTokens } from './stores/update-tokens';

/** Collaborators of {@link ZohoOAuthClient}. */
export interface OAuthClientDeps {
  store: TokenStore;
  logger: ZCRMLogger;
  /** Epoch ms; injectable for tests. */
  now?: () => number;
}

/**
 * The seed's `ZohoOAuthClient`: grant-token exchange, refresh, access tokens per user, revoke.
 *
 * Refresh happens proactively (`refreshMarginMs` before expiry) and reactively after Zoho rejects a token. Per
 * user, concurrent callers in this process share one refresh (single-flight); across processes the store's
 * exclusive update re-reads the tokens under a lock first, so whoever comes second finds them fresh.
 */
export class ZohoOAuthClient {
  private readonly accounts: AccountsClient;
  private readonly store: TokenStore;
  private readonly logger: ZCRMLogger;
  private readonly now: () => number;
  private readonly flights = new SingleFlight<ZohoOAuthTokens>();
  /** The user calls act as when none is configured: the first granted here, or the store's only user. */
  #defaultUser?: string;
  /** Last tokens seen per user, so a call with a fresh token does not read the store. */
  private readonly cache = new Map<string, ZohoOAuthTokens>();

  constructor(
    private readonly config: ResolvedConfig,
    deps: OAuthClientDeps,
  ) {
    this.store = deps.store;
    this.logger = deps.logger;
    this.now = deps.now ?? Date.now;
    this.accounts = new AccountsClient(config, deps.logger);
    redactInspection(this);
  }

  /**
   * Exchanges a grant token for tokens, looks up the user's email at `/oauth/user/info` (the grant's scope must
   * include `aaaserver.profile.READ`) and stores the tokens under that email. When no user is current (no
   * `currentUserEmail` configured, none granted before), that user becomes the one calls act as.
   */
  async generateAccessToken(grantToken: string): Promise<ZohoOAuthTokens> {
    const grant = await this.accounts.requestToken({ grantType: 'authorization_code', code: grantToken });
    if (grant.refreshToken === undefined && this.config.accessType === 'offline') {
      this.logger.warn('The grant exchange returned no refresh token; the access token cannot be renewed');
    }
    const userEmail = userKey(await this.accounts.userEmail(grant.accessToken));
    const tokens: ZohoOAuthTokens = {
      userEmail,
      accessToken: grant.accessToken,
      refreshToken: grant.refreshToken ?? '',
      expiryTime: this.now() + grant.expiresInMs,
    };
    await this.store.saveOAuthTokens(tokens);
    this.cache.set(userEmail, tokens);
    this.#defaultUser ??= userEmail;
    this.logger.info(`Stored new tokens for ${userEmail}`);
    return tokens;
  }

  /** The user granted first through this client, if any (see {@link defaultUserEmail}). */
  get grantedUserEmail(): string | undefined {
    return this.#defaultUser;
  }

  /**
   * The user calls act as when neither `runAs` nor `currentUserEmail` says: the user granted first through
   * this client, else the only user the token store holds (a store that can list its users); undefined
   * when there is none or several.
   */
  async defaultUserEmail(): Promise<string | undefined> {
    if (this.#defaultUser !== undefined || !this.store.listUserEmails) return this.#defaultUser;
    const users = await this.store.listUserEmails();
    if (users.length === 1) this.#defaultUser ??= userKey(users[0]);
    return this.#defaultUser;
  }

  /** Mints an access token from a refresh token, stores both under `userEmail` and returns them (the seed returned nothing). */
  async generateAccessTokenFromRefreshToken(
    refreshToken: string,
    userEmail: string,
  ): Promise<ZohoOAuthTokens> {
    registerSecret(refreshToken);
    const key = userKey(userEmail);
    const tokens = await this.mint(refreshToken, key);
    await this.store.saveOAuthTokens(tokens);
    this.cache.set(key, tokens);
    return tokens;
  }

  /** The seed's name for {@link generateAccessTokenFromRefreshToken}. */
  refreshAccessToken(refreshToken: string, userEmail: string): Promise<ZohoOAuthTokens> {
    return this.generateAccessTokenFromRefreshToken(refreshToken, userEmail);
  }

  /** A valid access token for the user, refreshed first when it is about to expire. */
  async getAccessToken(userEmail: string): Promise<string> {
    return (await this.validTokens(userKey(userEmail))).accessToken;
  }

  /**
   * Called when Zoho rejected `rejectedAccessToken` (`INVALID_TOKEN`): refreshes unless someone already has,
   * and returns the token to retry with.
   */
  async renewRejectedToken(userEmail: string, rejectedAccessToken: string): Promise<string> {
    return (await this.validTokens(userKey(userEmail), rejectedAccessToken)).accessToken;
  }

  /** Revokes the user's refresh token at Zoho Accounts and deletes the stored tokens. */
  async revokeRefreshToken(userEmail: string): Promise<void> {
    const key = userKey(userEmail);
    const tokens = await this.store.getOAuthTokens(key);
    if (!tokens) throw AuthenticationException.noTokens(key);
    registerSecret(tokens.refreshToken);
    await this.accounts.revoke(tokens.refreshToken);
    await this.store.deleteOAuthTokens(key);
    this.cache.delete(key);
    this.logger.info(`Revoked the refresh token of ${key} and deleted the stored tokens`);
  }

  /** The email of the user an access token belongs to (`/oauth/user/info`). */
  getUserEmailFromIAM(accessToken: string): Promise<string> {
    registerSecret(accessToken);
    return this.accounts.userEmail(accessToken);
  }

  /** Releases the token store's connections. */
  async close(): Promise<void> {
    await this.store.close?.();
  }

  private async validTokens(key: string, rejected?: string): Promise<ZohoOAuthTokens> {
    const cached = this.cache.get(key);
    if (cached && this.usable(cached, rejected)) return cached;
    const tokens = await this.flights.run(key, () => this.loadOrRefresh(key, rejected));
    // Joined a flight that started before the rejection and returned the rejected token: one more, own flight.
    return tokens.accessToken === rejected
      ? this.flights.run(key, () => this.loadOrRefresh(key, rejected))
      : tokens;
  }

  private async loadOrRefresh(key: string, rejected: string | undefined): Promise<ZohoOAuthTokens> {
    const stored = await this.store.getOAuthTokens(key);
    if (!stored) throw AuthenticationException.noTokens(key);
    const tokens = this.usable(stored, rejected) ? stored : await this.refreshExclusively(key, rejected);
    registerSecret(tokens.accessToken);
    registerSecret(tokens.refreshToken);
    this.cache.set(key, tokens);
    return tokens;
  }

  /** Refreshes under the store's lock, after re-reading: another process may have refreshed meanwhile. */
  private async refreshExclusively(key: string, rejected: string | undefined): Promise<ZohoOAuthTokens> {
    const tokens = await updateTokens(this.store, key, async (current) => {
      if (!current) throw AuthenticationException.noTokens(key);
      if (this.usable(current, rejected)) return current;
      return this.mint(current.refreshToken, key);
    });
    if (!tokens) throw AuthenticationException.noTokens(key);
    return tokens;
  }

  private usable(tokens: ZohoOAuthTokens, rejected: string | undefined): boolean {
    return tokens.accessToken !== rejected && isFresh(tokens, this.now(), this.config.refreshMarginMs);
  }

  private async mint(refreshToken: string, userEmail: string): Promise<ZohoOAuthTokens> {
    if (!refreshToken) throw AuthenticationException.noTokens(userEmail);
    const grant = await this.accounts.requestToken({ grantType: 'refresh_token', refreshToken, userEmail });
    this.logger.info(`Refreshed the access token of ${userEmail}`);
    return {
      userEmail,
      accessToken: grant.accessToken,
      // Zoho's refresh responses omit the refresh token: keep the one we have.
      refreshToken: grant.refreshToken ?? refreshToken,
      expiryTime: this.now() + grant.expiresInMs,
    };
  }
}
