import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context';
import { parseScopeList } from '../crm/scopes';
import { newZohoToken } from './tokens';

/**
 * Zoho Accounts on the emulator's origin (docs/zoho-v2-notes.md §1): token exchange, refresh, revoke, user info.
 * Token-endpoint failures answer HTTP 200 with `{"error": …}` as Zoho does; clients must look for
 * `access_token`, not at the status.
 */
const TEN_MINUTES_MS = 10 * 60 * 1000;
/** Access tokens one refresh token may mint per ten minutes. */
export const ACCESS_TOKENS_PER_WINDOW = 10;
/** Refresh tokens one client may hold from the last ten minutes; the oldest is dropped past this. */
export const REFRESH_TOKENS_PER_WINDOW = 20;

export function registerOAuthRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/oauth/v2/token', async (request, reply) => {
    const params = await readParams(request);
    request.grantType = params.grant_type;
    const basic = readBasicAuth(request.headers.authorization);
    const clientId = params.client_id ?? basic?.id;
    const clientSecret = params.client_secret ?? basic?.secret;
    if (clientId !== ctx.client.clientId) return { error: 'invalid_client' };
    if (clientSecret !== ctx.client.clientSecret) return { error: 'invalid_client_secret' };

    switch (params.grant_type) {
      case 'authorization_code':
        return exchangeCode(ctx, params.code);
      case 'refresh_token': {
        const result = refresh(ctx, params.refresh_token);
        if ('status' in result) reply.code(400);
        return result;
      }
      default:
        return { error: 'unsupported_grant_type' };
    }
  });

  app.post('/oauth/v2/token/revoke', async (request) => {
    const params = await readParams(request);
    revoke(ctx, params.token);
    // RFC 7009 style: revoking an unknown token also succeeds. [I] Zoho's body for this case is undocumented.
    return { status: 'success' };
  });

  app.get('/oauth/user/info', async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const value = header.replace(/^Zoho-oauthtoken\s+/i, '').trim();
    const token = ctx.state.oauth.accessTokens[value];
    if (!token || token.revoked || token.expiresAt <= ctx.now()) {
      reply.code(401);
      return { response: 'error', cause: 'invalid_oauth_token' };
    }
    if (
      !token.scope.some(
        (s) => s.toLowerCase() === 'aaaserver.profile.read' || s.toLowerCase() === 'aaaserver.profile.all',
      )
    ) {
      // [I] Zoho answers without an `Email` key when the profile scope is missing (seed PR #10 saw KeyError 'Email').
      reply.code(401);
      return { response: 'error', cause: 'invalid_oauth_scope' };
    }
    const user = ctx.userByEmail(token.email);
    if (!user) {
      reply.code(401);
      return { response: 'error', cause: 'invalid_oauth_token' };
    }
    return {
      First_Name: user.first_name,
      Email: user.email,
      Last_Name: user.last_name,
      Display_Name: `${user.first_name} ${user.last_name}`.trim(),
      ZUID: Number(user.zuid),
    };
  });
}

function exchangeCode(ctx: EmulatorContext, code: string | undefined): Record<string, unknown> {
  const grant = code === undefined ? undefined : ctx.state.oauth.grants[code];
  if (!grant || grant.used || grant.expiresAt <= ctx.now()) return { error: 'invalid_code' };
  grant.used = true;
  const refreshToken = newZohoToken();
  const now = ctx.now();
  ctx.state.oauth.refreshTokens[refreshToken] = {
    token: refreshToken,
    scope: grant.scope,
    email: grant.email,
    revoked: false,
    mints: [now],
    createdAt: now,
  };
  dropOldestRefreshTokens(ctx);
  const access = mintAccessToken(ctx, grant.scope, grant.email, refreshToken);
  return { access_token: access, refresh_token: refreshToken, ...tokenTail(ctx) };
}

function refresh(ctx: EmulatorContext, token: string | undefined): Record<string, unknown> {
  const record = token === undefined ? undefined : ctx.state.oauth.refreshTokens[token];
  if (!record || record.revoked) return { error: 'invalid_code' };
  const now = ctx.now();
  record.mints = record.mints.filter((t) => t > now - TEN_MINUTES_MS);
  if (record.mints.length >= ACCESS_TOKENS_PER_WINDOW) {
    return {
      error_description: 'You have made too many requests continuously. Please try again after some time.',
      error: 'Access Denied',
      status: 'failure',
    };
  }
  record.mints.push(now);
  const access = mintAccessToken(ctx, record.scope, record.email, record.token);
  return { access_token: access, ...tokenTail(ctx) };
}

function tokenTail(ctx: EmulatorContext): Record<string, unknown> {
  return { api_domain: ctx.baseUrl, token_type: 'Bearer', expires_in: ctx.settings.accessTokenTtlSeconds };
}

function mintAccessToken(
  ctx: EmulatorContext,
  scope: string[],
  email: string,
  refreshToken?: string,
): string {
  const token = newZohoToken();
  ctx.state.oauth.accessTokens[token] = {
    token,
    scope,
    email,
    refreshToken,
    revoked: false,
    expiresAt: ctx.now() + ctx.settings.accessTokenTtlSeconds * 1000,
  };
  pruneExpiredAccessTokens(ctx);
  return token;
}

/** Keeps the token table from growing without bound in long runs: tokens a day past expiry are forgotten. */
function pruneExpiredAccessTokens(ctx: EmulatorContext): void {
  const cutoff = ctx.now() - 24 * 60 * 60 * 1000;
  for (const [key, value] of Object.entries(ctx.state.oauth.accessTokens)) {
    if (value.expiresAt < cutoff) delete ctx.state.oauth.accessTokens[key];
  }
}

function dropOldestRefreshTokens(ctx: EmulatorContext): void {
  const now = ctx.now();
  const recent = Object.values(ctx.state.oauth.refreshTokens)
    .filter((r) => !r.revoked && r.createdAt > now - TEN_MINUTES_MS)
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const old of recent.slice(0, Math.max(0, recent.length - REFRESH_TOKENS_PER_WINDOW))) {
    revoke(ctx, old.token);
  }
}

/** Revokes a refresh token (and every access token minted from it) or a single access token. */
export function revoke(ctx: EmulatorContext, token: string | undefined): void {
  if (token === undefined) return;
  const refreshToken = ctx.state.oauth.refreshTokens[token];
  if (refreshToken) {
    refreshToken.revoked = true;
    for (const access of Object.values(ctx.state.oauth.accessTokens)) {
      if (access.refreshToken === token) access.revoked = true;
    }
  }
  const access = ctx.state.oauth.accessTokens[token];
  if (access) access.revoked = true;
}

export function issueGrantCode(ctx: EmulatorContext, scope: string, email?: string): string {
  const user = email === undefined ? ctx.adminUser() : ctx.userByEmail(email);
  if (!user) throw new Error(`no emulated user has the email ${email}`);
  const scopes = parseScopeList(scope);
  if (scopes.length === 0) throw new Error('a grant token needs at least one scope');
  const code = newZohoToken();
  ctx.state.oauth.grants[code] = {
    code,
    scope: scopes,
    email: user.email,
    expiresAt: ctx.now() + ctx.settings.grantTokenTtlSeconds * 1000,
    used: false,
  };
  return code;
}

/** Token parameters from the query string, a urlencoded body or a multipart body (Zoho takes all three). */
async function readParams(request: FastifyRequest): Promise<Record<string, string | undefined>> {
  const params: Record<string, string | undefined> = { ...(request.query as Record<string, string>) };
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type === 'field' && typeof part.value === 'string') params[part.fieldname] = part.value;
      // An unread file part would stall the parts iterator.
      else if (part.type === 'file') part.file.resume();
    }
  } else if (request.body && typeof request.body === 'object' && !Buffer.isBuffer(request.body)) {
    for (const [key, value] of Object.entries(request.body as Record<string, unknown>)) {
      if (typeof value === 'string') params[key] = value;
    }
  }
  return params;
}

function readBasicAuth(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header || !/^basic\s+/i.test(header)) return undefined;
  const decoded = Buffer.from(header.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}
