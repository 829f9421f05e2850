import http from 'node:http';
import https from 'node:https';
import axios, { AxiosInstance, AxiosResponse } from 'axios';
import type { ResolvedConfig } from '../config/client-config';
import type { ZCRMLogger } from '../config/logger';
import { AuthenticationException } from '../errors/authentication-exception';
import { ConnectionException } from '../errors/connection-exception';
import { exceptionFromResponse } from '../errors/error-table';
import { RateLimitException } from '../errors/rate-limit-exception';
import { redactInspection, registerSecret } from '../errors/redact';
import { USER_AGENT } from '../version';
import { expiresInMs } from './oauth-tokens';

/** What a successful token request yields. */
export interface TokenGrant {
  accessToken: string;
  /** Absent on refresh responses: the caller keeps its refresh token. */
  refreshToken?: string;
  expiresInMs: number;
}

type GrantRequest =
  | { grantType: 'authorization_code'; code: string }
  | { grantType: 'refresh_token'; refreshToken: string; userEmail: string };

/**
 * The Zoho Accounts endpoints (https://www.zoho.com/crm/developer/docs/api/v2/access-refresh.html): token exchange and refresh, user info, revoke. Parameters
 * travel in a form body rather than the seed's query string, so they never land in a server's access log.
 * Zoho answers token errors with HTTP 200 and `{"error": …}`: success is the presence of `access_token`.
 */
export class AccountsClient {
  private readonly http: AxiosInstance;

  constructor(
    private readonly config: ResolvedConfig,
    private readonly logger: ZCRMLogger,
  ) {
    registerSecret(config.clientSecret);
    redactInspection(this);
    this.http = axios.create({
      timeout: config.timeoutMs,
      validateStatus: () => true,
      maxRedirects: 0,
      headers: { 'User-Agent': USER_AGENT },
      httpAgent: new http.Agent({ keepAlive: true }),
      httpsAgent: new https.Agent({ keepAlive: true }),
    });
  }

  /** POST /oauth/v2/token. */
  async requestToken(grant: GrantRequest): Promise<TokenGrant> {
    const url = `${this.config.accountsUrl}/oauth/v2/token`;
    const form = new URLSearchParams({
      grant_type: grant.grantType,
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
    });
    if (this.config.redirectUri) form.set('redirect_uri', this.config.redirectUri);
    if (grant.grantType === 'authorization_code') {
      registerSecret(grant.code);
      form.set('code', grant.code);
    } else {
      form.set('refresh_token', grant.refreshToken);
    }
    const response = await this.send('POST', url, form, {}, `grant_type=${grant.grantType}`);
    const json = asRecord(response.data);
    if (typeof json?.access_token === 'string') {
      registerSecret(json.access_token);
      if (typeof json.refresh_token === 'string') registerSecret(json.refresh_token);
      return {
        accessToken: json.access_token,
        refreshToken: typeof json.refresh_token === 'string' ? json.refresh_token : undefined,
        expiresInMs: expiresInMs(json),
      };
    }
    throw tokenError(grant, url, response);
  }

  /** GET /oauth/user/info → the email of the token's user (needs the `aaaserver.profile.READ` scope). */
  async userEmail(accessToken: string): Promise<string> {
    const url = `${this.config.accountsUrl}/oauth/user/info`;
    const response = await this.send('GET', url, undefined, {
      Authorization: `Zoho-oauthtoken ${accessToken}`,
    });
    const json = asRecord(response.data);
    if (response.status === 200 && typeof json?.Email === 'string') return json.Email;
    if (response.status === 200 || /scope/i.test(String(json?.cause))) {
      throw AuthenticationException.missingProfileScope(url, response.data);
    }
    throw exceptionFromResponse({ status: response.status, body: response.data, url });
  }

  /** POST /oauth/v2/token/revoke. */
  async revoke(token: string): Promise<void> {
    const url = `${this.config.accountsUrl}/oauth/v2/token/revoke`;
    const response = await this.send('POST', url, new URLSearchParams({ token }));
    if (response.status >= 400)
      throw exceptionFromResponse({ status: response.status, body: response.data, url });
  }

  private async send(
    method: 'GET' | 'POST',
    url: string,
    form?: URLSearchParams,
    headers: Record<string, string> = {},
    note = '',
  ): Promise<AxiosResponse> {
    const started = Date.now();
    try {
      const response = await this.http.request({
        method,
        url,
        data: form?.toString(),
        headers: {
          ...headers,
          ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
        },
      });
      this.logger.info(
        `${method} ${url}${note ? ` ${note}` : ''} -> ${response.status} (${Date.now() - started} ms)`,
      );
      return response;
    } catch (err) {
      const failure = ConnectionException.fromRequestError(url, err, this.config.timeoutMs);
      this.logger.warn(`${method} ${url}${note ? ` ${note}` : ''} failed: ${failure.message}`);
      throw failure;
    }
  }
}

function tokenError(grant: GrantRequest, url: string, response: AxiosResponse): Error {
  const json = asRecord(response.data);
  const error = typeof json?.error === 'string' ? json.error : undefined;
  if (error === undefined)
    return exceptionFromResponse({ status: response.status, body: response.data, url });
  if (error === 'Access Denied') return RateLimitException.tokenEndpointThrottled(url, response.data);
  if (error === 'invalid_client' || error === 'invalid_client_secret' || error === 'invalid_redirect_uri') {
    return AuthenticationException.clientRejected(error, url, response.data);
  }
  if (error === 'invalid_code') {
    return grant.grantType === 'authorization_code'
      ? AuthenticationException.grantTokenRejected(url, response.data)
      : AuthenticationException.refreshTokenRejected(grant.userEmail, url, response.data);
  }
  return AuthenticationException.tokenEndpointError(error, url, response.data);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
