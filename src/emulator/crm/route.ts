import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { EmulatorContext } from '../context';
import type { AccessTokenRecord, UserDef } from '../state/types';
import { pause } from '../admin/faults';
import { ScopeRequirement, scopesSatisfy } from './scopes';
import { ApiErrors, ZohoApiError } from './zoho-error';

/** What a CRM route handler receives besides the raw request. */
export interface CrmCall {
  request: FastifyRequest;
  reply: FastifyReply;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  user: UserDef;
  token: AccessTokenRecord;
}

/** A handler returns the JSON to send (status 200), a `CrmResult` for other statuses, or `undefined` after using `reply` itself. */
export interface CrmResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CrmRouteSpec {
  method: HTTPMethods | HTTPMethods[];
  /** Path under `/crm/{version}` (or an absolute path starting with `/crm/bulk`). */
  url: string;
  /** Scopes required, computed per call (module scopes depend on the path). */
  scopes: (call: Omit<CrmCall, 'user' | 'token'>) => ScopeRequirement[];
  /** Credits the call costs (docs/zoho-v2-notes.md §4.1); 1 when omitted. */
  cost?: number | ((call: Omit<CrmCall, 'user' | 'token'>) => number);
  /** Counts against the heavy-API sub-concurrency (COQL, bulk, mass update, convert). */
  heavy?: boolean;
  /** Returns a {@link CrmResult}, or any other value to send as the JSON body (directly or as a promise). */
  handler: (call: CrmCall) => unknown;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on CRM routes: they apply scripted latency inside their concurrency slot. */
    crm?: boolean;
  }
}

export function isCrmResult(value: unknown): value is CrmResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    typeof (value as CrmResult).status === 'number' &&
    Object.keys(value).every((k) => k === 'status' || k === 'body' || k === 'headers')
  );
}

/** 204 No Content: Zoho's answer for an empty list, search or related list. */
export const NO_CONTENT: CrmResult = { status: 204 };

const AUTH_PREFIX = 'zoho-oauthtoken ';

/** Resolves the `Authorization: Zoho-oauthtoken …` header to a live token, or throws Zoho's 401 errors. */
export function authenticate(
  ctx: EmulatorContext,
  request: FastifyRequest,
): { token: AccessTokenRecord; user: UserDef } {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.toLowerCase().startsWith(AUTH_PREFIX)) {
    throw ApiErrors.authenticationFailure();
  }
  const value = header.slice(AUTH_PREFIX.length).trim();
  if (value.length === 0 || /\s/.test(value)) throw ApiErrors.authenticationFailure();
  const token = ctx.state.oauth.accessTokens[value];
  if (!token || token.revoked || token.expiresAt <= ctx.now()) throw ApiErrors.invalidToken();
  const user = ctx.userByEmail(token.email);
  if (!user || user.status !== 'active') throw ApiErrors.invalidToken();
  return { token, user };
}

/** Registers a CRM route: authentication, scopes, credits, concurrency, then the handler. */
export function crmRoute(app: FastifyInstance, ctx: EmulatorContext, spec: CrmRouteSpec): void {
  const url = spec.url.startsWith('/crm/bulk') ? spec.url : `/crm/${ctx.settings.apiVersion}${spec.url}`;
  app.route({
    method: spec.method,
    url,
    config: { crm: true },
    handler: async (request, reply) => {
      const base = {
        request,
        reply,
        params: request.params as Record<string, string>,
        query: singleValued(request.query),
      };
      const { token, user } = authenticate(ctx, request);
      request.crmUser = user.email;
      if (!scopesSatisfy(token.scope, spec.scopes(base))) throw ApiErrors.scopeMismatch();
      const release = ctx.gate.tryEnter(spec.heavy === true);
      if (!release) {
        throw ApiErrors.tooManyRequests('Many requests fired in concurrent than the allowed limit');
      }
      reply.raw.once('close', release);
      try {
        // A latency fault holds the slot, as a slow Zoho response does, so tests can fill the concurrency limit.
        if (request.faultDelayMs) await pause(request.faultDelayMs);
        const cost = typeof spec.cost === 'function' ? spec.cost(base) : (spec.cost ?? 1);
        if (!ctx.credits.tryCharge(ctx.now(), cost)) {
          // [I] The 429 still carries the limit headers (remaining 0), so clients can tell exhaustion from concurrency.
          setLimitHeaders(ctx, reply, token);
          throw ApiErrors.tooManyRequests(
            'Number of API requests for the 24 hour period is exceeded or the concurrency limit of the user for the app is exceeded',
          );
        }
        setLimitHeaders(ctx, reply, token);
        const result = await spec.handler({ ...base, user, token });
        return sendResult(reply, result);
      } finally {
        release();
      }
    },
  });
}

/**
 * Handlers read each query parameter as one string. [I] A repeated parameter is joined with commas, as Zoho's
 * list parameters are written (`ids=1&ids=2` → `1,2`); scalar ones then fail their own validation with a 400.
 */
function singleValued(query: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    out[key] = Array.isArray(value) ? value.join(',') : (value as string | undefined);
  }
  return out;
}

function setLimitHeaders(ctx: EmulatorContext, reply: FastifyReply, token: AccessTokenRecord): void {
  const now = ctx.now();
  reply.header('X-ACCESSTOKEN-RESET', ctx.timestamp(token.expiresAt));
  const remaining = ctx.credits.remaining(now);
  const limit = ctx.credits.limit;
  // Zoho sends the remaining-credits header only once half the day's credits are used (docs/zoho-v2-notes.md §4.3).
  if (remaining <= limit / 2) reply.header('X-API-CREDITS-REMAINING', String(remaining));
  if (ctx.settings.legacyRateLimitHeaders) {
    reply.header('X-RATELIMIT-DAY-LIMIT', String(limit));
    reply.header('X-RATELIMIT-DAY-REMAINING', String(remaining));
  }
}

function sendResult(reply: FastifyReply, result: unknown): unknown {
  if (reply.sent) return reply;
  if (result === undefined) return reply;
  if (isCrmResult(result)) {
    if (result.headers) reply.headers(result.headers);
    reply.code(result.status);
    if (result.body === undefined) return reply.send();
    return reply.send(result.body);
  }
  return reply.code(200).send(result);
}

export { ZohoApiError };
