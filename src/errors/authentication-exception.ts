import { ZCRMException, ZCRMExceptionInit } from './zcrm-exception';

/**
 * The credentials are not (or no longer) good enough: invalid or revoked tokens, a wrong client, a missing scope.
 * `needsReauthorization` is true when only a new grant token (a person authorising again) can fix it.
 */
export class AuthenticationException extends ZCRMException {
  readonly needsReauthorization: boolean;

  constructor(init: ZCRMExceptionInit & { needsReauthorization?: boolean }) {
    super(init);
    this.needsReauthorization = init.needsReauthorization ?? false;
  }

  /** The refresh token was rejected (revoked, expired or never valid). */
  static refreshTokenRejected(userEmail: string, url: string, content: unknown): AuthenticationException {
    return new AuthenticationException({
      statusCode: 0,
      errorCode: 'REFRESH_TOKEN_REJECTED',
      errorMessage: `The refresh token of ${userEmail} was rejected by Zoho Accounts (revoked or invalid): re-authorization is needed; generate a new grant token and call generateAccessToken()`,
      errorContent: content,
      url,
      needsReauthorization: true,
    });
  }

  /** The grant token was rejected (already used, expired, or for another client). */
  static grantTokenRejected(url: string, content: unknown): AuthenticationException {
    return new AuthenticationException({
      errorCode: 'INVALID_GRANT_TOKEN',
      errorMessage:
        'The grant token was rejected by Zoho Accounts: it is single-use and lives a few minutes; generate a new one and retry',
      errorContent: content,
      url,
      needsReauthorization: true,
    });
  }

  /** Zoho Accounts refused the client id, secret or redirect URI. */
  static clientRejected(error: string, url: string, content: unknown): AuthenticationException {
    const what =
      error === 'invalid_client_secret'
        ? 'client secret'
        : error === 'invalid_redirect_uri'
          ? 'redirect URI'
          : 'client id';
    return new AuthenticationException({
      errorCode: error,
      errorMessage: `Zoho Accounts rejected the ${what} (${error}); check client_id, client_secret and redirect_uri in the configuration`,
      errorContent: content,
      url,
      needsReauthorization: false,
    });
  }

  /** The token endpoint answered without an access token and with an error this SDK does not know. */
  static tokenEndpointError(error: string, url: string, content: unknown): AuthenticationException {
    return new AuthenticationException({
      errorCode: error,
      errorMessage: `Zoho Accounts did not issue an access token (${error})`,
      errorContent: content,
      url,
    });
  }

  /** `/oauth/user/info` did not give the user's email: the grant lacks the profile scope. */
  static missingProfileScope(url: string, content: unknown): AuthenticationException {
    return new AuthenticationException({
      errorCode: 'MISSING_PROFILE_SCOPE',
      errorMessage:
        "Could not read the user's email from Zoho Accounts: the grant token's scope must include aaaserver.profile.READ (add it when generating the grant token)",
      errorContent: content,
      url,
      needsReauthorization: true,
    });
  }

  /**
   * Zoho refused a query's call for its scope (`OAUTH_SCOPE_MISMATCH`): names the backend the planner chose
   * and the scopes that backend needs.
   */
  static queryScopeMissing(
    model: string,
    backend: string,
    scopes: readonly string[],
    cause: ZCRMException,
  ): AuthenticationException {
    return new AuthenticationException({
      statusCode: cause.statusCode,
      errorCode: 'OAUTH_SCOPE_MISMATCH',
      errorMessage: `The ${model} query ran on the ${backend} API, which needs the scope ${scopes.join(' and ')}; the access token lacks it (Zoho: ${cause.errorMessage}). Add it to the scopes of the grant token, or write the query so another backend runs it`,
      errorDetails: { ...(cause.errorDetails ?? {}), backend, scopes: [...scopes] },
      errorContent: cause.errorContent,
      url: cause.url,
      needsReauthorization: true,
    });
  }

  /** No tokens are stored for the user. */
  static noTokens(userEmail: string): AuthenticationException {
    return new AuthenticationException({
      errorCode: 'NO_TOKENS',
      errorMessage: `No OAuth tokens are stored for ${userEmail}: authorise the user first with generateAccessToken(grantToken)`,
      needsReauthorization: true,
    });
  }
}
