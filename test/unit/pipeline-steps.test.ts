import Bottleneck from 'bottleneck';
import { readFileSync } from 'node:fs';
import {
  AuthenticationException,
  ConnectionException,
  RateLimitException,
  ZCRMException,
} from '../../src/errors';
import { Pipeline } from '../../src/http/pipeline';
import type { Handler, HttpRequest, HttpResponse, Step } from '../../src/http/http-types';
import { parseRateLimitHeaders, retryAfterMs } from '../../src/http/rate-limit-headers';
import { backoffDelay } from '../../src/http/steps/backoff';
import { RetryBudget } from '../../src/http/steps/retry-budget';
import { isReplayable, retryDecision } from '../../src/http/steps/retry-policy';
import { retryStep } from '../../src/http/steps/retry-step';
import { refreshOnInvalidTokenStep } from '../../src/http/steps/refresh-step';
import { authHeaderStep } from '../../src/http/steps/auth-header-step';
import { throttleStep } from '../../src/http/steps/throttle-step';
import { ConcurrencyLimiter, createLimiter } from '../../src/http/steps/limiter';
import { defaultHeadersStep } from '../../src/http/steps/default-headers-step';
import { raiseForStatusStep } from '../../src/http/steps/raise-for-status-step';
import { loggingStep } from '../../src/http/steps/logging-step';
import { silentLogger } from '../../src/config/logger';
import { USER_AGENT, VERSION } from '../../src/version';
import { memoryLogger } from '../support/sdk';

const request = (overrides: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  url: 'https://www.zohoapis.com/crm/v2/Leads',
  headers: {},
  timeoutMs: 1000,
  auth: { userEmail: 'a@zylker.com' },
  ...overrides,
});

const ok = (status = 200, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  data: status === 204 ? undefined : { data: [] },
  noData: status === 204 || status === 304,
  url: 'u',
  rateLimit: {},
});

const serverError = (status: number, code = 'INTERNAL_ERROR') =>
  new ZCRMException({ statusCode: status, errorCode: code, errorMessage: 'x' });
const retryOptions = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 50, budget: 100 };

describe('rate-limit headers', () => {
  it('parses credits, the v2 set and the token reset', () => {
    expect(
      parseRateLimitHeaders({
        'x-api-credits-remaining': '4999',
        'x-ratelimit-limit': '100',
        'x-ratelimit-remaining': '99',
        'x-ratelimit-reset': '1900000000000',
        'x-ratelimit-day-limit': '5000',
        'x-ratelimit-day-remaining': '4998',
        'x-accesstoken-reset': '2024-08-01T19:21:19+08:00',
      }),
    ).toEqual({
      creditsRemaining: 4999,
      limit: 100,
      remaining: 99,
      resetAt: 1900000000000,
      dayLimit: 5000,
      dayRemaining: 4998,
      accessTokenReset: '2024-08-01T19:21:19+08:00',
    });
    expect(parseRateLimitHeaders({ 'x-ratelimit-limit': 'lots' })).toEqual({});
  });

  it('reads the wait of a 429 from Retry-After or X-RATELIMIT-RESET', () => {
    const now = 1_000_000_000_000;
    expect(retryAfterMs({ 'retry-after': '2' }, now)).toBe(2000);
    expect(retryAfterMs({ 'retry-after': new Date(now + 3000).toUTCString() }, now)).toBe(3000);
    expect(retryAfterMs({ 'x-ratelimit-reset': String(now + 1500) }, now)).toBe(1500);
    expect(retryAfterMs({ 'x-ratelimit-reset': String((now + 4000) / 1000) }, now)).toBe(4000);
    expect(retryAfterMs({ 'x-ratelimit-reset': new Date(now + 5000).toISOString() }, now)).toBe(5000);
    expect(retryAfterMs({}, now)).toBeUndefined();
  });
});

describe('retry policy', () => {
  it('replays idempotent methods and upserts, or what the caller says', () => {
    expect(isReplayable(request({ method: 'GET' }))).toBe(true);
    expect(isReplayable(request({ method: 'PUT' }))).toBe(true);
    expect(isReplayable(request({ method: 'DELETE' }))).toBe(true);
    expect(isReplayable(request({ method: 'POST' }))).toBe(false);
    expect(isReplayable(request({ method: 'POST', url: 'https://x/crm/v2/Leads/upsert' }))).toBe(true);
    expect(isReplayable(request({ method: 'POST', retryable: true }))).toBe(true);
    expect(isReplayable(request({ method: 'GET', retryable: false }))).toBe(false);
  });

  it('decides per failure', () => {
    const post = request({ method: 'POST' });
    const reset = ConnectionException.network('u', 'ECONNRESET', undefined);
    expect(retryDecision(reset, request())).toEqual({});
    expect(retryDecision(reset, post)).toBeUndefined();
    expect(retryDecision(ConnectionException.network('u', 'ECONNREFUSED', undefined), post)).toEqual({});
    expect(retryDecision(ConnectionException.aborted('u'), request())).toBeUndefined();
    expect(retryDecision(serverError(503), request())).toEqual({});
    expect(retryDecision(serverError(503), post)).toBeUndefined();
    expect(retryDecision(serverError(400, 'INVALID_DATA'), request())).toBeUndefined();
    const limited = new RateLimitException({
      statusCode: 429,
      errorCode: 'TOO_MANY_REQUESTS',
      errorMessage: 'x',
      retryAfterMs: 700,
    });
    expect(retryDecision(limited, post)).toEqual({ wait: 700 });
    expect(
      retryDecision(
        new AuthenticationException({ statusCode: 401, errorCode: 'INVALID_TOKEN', errorMessage: 'x' }),
        request(),
      ),
    ).toBeUndefined();
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect(backoffDelay(1, 100, 10_000, () => 0.999)).toBe(99);
    expect(backoffDelay(3, 100, 10_000, () => 0.5)).toBe(200);
    expect(backoffDelay(20, 100, 1_000, () => 0.999)).toBe(999);
    expect(backoffDelay(4, 100, 10_000, () => 0)).toBe(0);
  });

  it('spends and earns back retry tokens', () => {
    const budget = new RetryBudget(2, 0.5);
    expect([budget.trySpend(), budget.trySpend(), budget.trySpend()]).toEqual([true, true, false]);
    budget.recordSuccess();
    budget.recordSuccess();
    expect(budget.trySpend()).toBe(true);
    expect(budget.available).toBe(0);
  });
});

describe('retry step', () => {
  function failing(errors: unknown[]): Handler & { calls: number } {
    const handler = Object.assign(
      async () => {
        handler.calls++;
        const next = errors.shift();
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the queued failures include non-Error values on purpose
        if (next) throw next;
        return ok();
      },
      { calls: 0 },
    );
    return handler;
  }

  it('retries until success', async () => {
    const next = failing([serverError(500), serverError(502)]);
    await expect(retryStep(retryOptions, silentLogger).handle(request(), next)).resolves.toMatchObject({
      status: 200,
    });
    expect(next.calls).toBe(3);
  });

  it('gives up after maxRetries and rethrows the last error', async () => {
    const next = failing([serverError(500), serverError(500), serverError(500), serverError(503)]);
    await expect(retryStep(retryOptions, silentLogger).handle(request(), next)).rejects.toMatchObject({
      statusCode: 503,
    });
    expect(next.calls).toBe(4);
  });

  it('stops retrying when the budget is spent', async () => {
    const step = retryStep({ ...retryOptions, budget: 2 }, silentLogger);
    const first = failing(Array.from({ length: 10 }, () => serverError(500)));
    await expect(step.handle(request(), first)).rejects.toBeInstanceOf(ZCRMException);
    expect(first.calls).toBe(3);
    const second = failing([serverError(500), serverError(500)]);
    await expect(step.handle(request(), second)).rejects.toBeInstanceOf(ZCRMException);
    expect(second.calls).toBe(1);
  });

  it('does not wait longer than maxDelayMs for a 429', async () => {
    const limited = new RateLimitException({
      statusCode: 429,
      errorCode: 'TOO_MANY_REQUESTS',
      errorMessage: 'x',
      retryAfterMs: 60_000,
    });
    const next = failing([limited]);
    await expect(retryStep(retryOptions, silentLogger).handle(request(), next)).rejects.toBe(limited);
    expect(next.calls).toBe(1);
  });

  it('stops waiting when the caller aborts', async () => {
    const controller = new AbortController();
    const step = retryStep(
      { ...retryOptions, baseDelayMs: 10_000, maxDelayMs: 10_000 },
      silentLogger,
      () => 0.99,
    );
    const pending = step.handle(request({ signal: controller.signal }), failing([serverError(500)]));
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ errorCode: 'ABORTED' });
  });
});

describe('auth and refresh steps', () => {
  function tokenSource() {
    const calls: string[] = [];
    return {
      calls,
      async getAccessToken(user: string) {
        calls.push(`get ${user}`);
        return 'old-token';
      },
      async renewRejectedToken(user: string, rejected: string) {
        calls.push(`renew ${user} ${rejected}`);
        return 'new-token';
      },
    };
  }

  it('sets the Zoho-oauthtoken header and retries once with a renewed token after INVALID_TOKEN', async () => {
    const tokens = tokenSource();
    const seen: string[] = [];
    const transport: Handler = async (req) => {
      seen.push(req.headers.Authorization);
      if (req.headers.Authorization === 'Zoho-oauthtoken old-token') {
        throw new AuthenticationException({
          statusCode: 401,
          errorCode: 'INVALID_TOKEN',
          errorMessage: 'invalid oauth token',
        });
      }
      return ok();
    };
    const pipeline = new Pipeline([refreshOnInvalidTokenStep(tokens), authHeaderStep(tokens)], transport);
    await expect(pipeline.handle(request())).resolves.toMatchObject({ status: 200 });
    expect(seen).toEqual(['Zoho-oauthtoken old-token', 'Zoho-oauthtoken new-token']);
    expect(tokens.calls).toEqual(['get a@zylker.com', 'renew a@zylker.com old-token']);
  });

  it('does not loop when the renewed token is rejected too', async () => {
    const tokens = tokenSource();
    let calls = 0;
    const transport: Handler = async () => {
      calls++;
      throw new AuthenticationException({
        statusCode: 401,
        errorCode: 'INVALID_TOKEN',
        errorMessage: 'invalid oauth token',
      });
    };
    const pipeline = new Pipeline([refreshOnInvalidTokenStep(tokens), authHeaderStep(tokens)], transport);
    await expect(pipeline.handle(request())).rejects.toMatchObject({ errorCode: 'INVALID_TOKEN' });
    expect(calls).toBe(2);
  });

  it('does not refresh on other authentication errors', async () => {
    const tokens = tokenSource();
    const transport: Handler = async () => {
      throw new AuthenticationException({
        statusCode: 401,
        errorCode: 'OAUTH_SCOPE_MISMATCH',
        errorMessage: 'scope',
      });
    };
    await expect(
      new Pipeline([refreshOnInvalidTokenStep(tokens), authHeaderStep(tokens)], transport).handle(request()),
    ).rejects.toMatchObject({
      errorCode: 'OAUTH_SCOPE_MISMATCH',
    });
    expect(tokens.calls).toEqual(['get a@zylker.com']);
  });
});

describe('throttle step', () => {
  it.each([
    ['the in-process limiter', () => new ConcurrencyLimiter(3)],
    ['bottleneck', () => new Bottleneck({ maxConcurrent: 3 })],
  ])('keeps at most maxConcurrent attempts in flight with %s', async (_name, makeLimiter) => {
    const limiter = makeLimiter();
    let inFlight = 0;
    let peak = 0;
    const transport: Handler = async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 25));
      inFlight--;
      return ok();
    };
    const pipeline = new Pipeline([throttleStep(limiter)], transport);
    await Promise.all(Array.from({ length: 30 }, () => pipeline.handle(request())));
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
  });

  it('holds heavy requests to the heavy sub-concurrency as well', async () => {
    const inFlight = { all: 0, heavy: 0, peakAll: 0, peakHeavy: 0 };
    const transport: Handler = async (req) => {
      const heavy = req.heavy === true;
      inFlight.peakAll = Math.max(inFlight.peakAll, ++inFlight.all);
      if (heavy) inFlight.peakHeavy = Math.max(inFlight.peakHeavy, ++inFlight.heavy);
      await new Promise((resolve) => setTimeout(resolve, 15));
      inFlight.all--;
      if (heavy) inFlight.heavy--;
      return ok();
    };
    const pipeline = new Pipeline(
      [throttleStep({ general: new ConcurrencyLimiter(4), heavy: new ConcurrencyLimiter(2) })],
      transport,
    );
    await Promise.all(Array.from({ length: 24 }, (_, i) => pipeline.handle(request({ heavy: i % 2 === 0 }))));
    expect(inFlight.peakHeavy).toBe(2);
    expect(inFlight.peakAll).toBe(4);
  });

  it('uses bottleneck for spacing and Redis, the in-process limiter otherwise', () => {
    expect(createLimiter({ maxConcurrent: 2, minTimeMs: 0, id: 'a' })).toBeInstanceOf(ConcurrencyLimiter);
    expect(createLimiter({ maxConcurrent: 2, minTimeMs: 10, id: 'a' })).toBeInstanceOf(Bottleneck);
  });

  it('releases a caller that aborts while queued, and never sends its attempt', async () => {
    const limiter = new ConcurrencyLimiter(1);
    const sent: string[] = [];
    const transport: Handler = async (req) => {
      sent.push(req.url);
      await new Promise((resolve) => setTimeout(resolve, 30));
      return ok();
    };
    const pipeline = new Pipeline([throttleStep(limiter)], transport);
    const controller = new AbortController();
    const first = pipeline.handle(request({ url: 'https://x/first' }));
    const second = pipeline.handle(request({ url: 'https://x/second', signal: controller.signal }));
    controller.abort();
    await expect(second).rejects.toMatchObject({ errorCode: 'ABORTED' });
    await first;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toEqual(['https://x/first']);
  });
});

describe('other steps and the pipeline', () => {
  it('sets User-Agent zcrm/<version>, Accept and a JSON content type', async () => {
    let headers: Record<string, string> = {};
    await defaultHeadersStep(USER_AGENT).handle(
      request({ method: 'POST', body: { data: [] } }),
      async (req) => {
        headers = req.headers;
        return ok();
      },
    );
    expect(headers).toEqual({
      'User-Agent': `zcrm/${VERSION}`,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    });
  });

  it('keeps VERSION equal to package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(`${__dirname}/../../package.json`, 'utf8')).version);
  });

  it('raises typed errors for error statuses and lets 204/304 through as no data', async () => {
    const step = raiseForStatusStep();
    await expect(step.handle(request(), async () => ok(204))).resolves.toMatchObject({
      noData: true,
      data: undefined,
    });
    await expect(step.handle(request(), async () => ok(304))).resolves.toMatchObject({ noData: true });
    const limited = step.handle(request(), async () => ({
      ...ok(429, { 'retry-after': '3' }),
      data: { code: 'TOO_MANY_REQUESTS', message: 'slow down', details: {}, status: 'error' },
    }));
    await expect(limited).rejects.toBeInstanceOf(RateLimitException);
    await expect(limited).rejects.toMatchObject({ retryAfterMs: 3000, statusCode: 429 });
  });

  it('logs one line per attempt, with the status or the error', async () => {
    const logger = memoryLogger();
    await loggingStep(logger).handle(request(), async () => ok());
    await expect(
      loggingStep(logger).handle(request(), async () => Promise.reject(serverError(500))),
    ).rejects.toBeDefined();
    expect(logger.lines[0]).toMatch(
      /^INFO GET https:\/\/www\.zohoapis\.com\/crm\/v2\/Leads -> 200 \(\d+ ms\)$/,
    );
    expect(logger.lines[1]).toMatch(/^WARN GET .* failed after \d+ ms: INTERNAL_ERROR/);
  });

  it('composes named steps in order and can replace, insert and remove them', async () => {
    const trace: string[] = [];
    const named = (name: string): Step => ({
      name,
      handle: async (req, next) => {
        trace.push(name);
        return next(req);
      },
    });
    const base = new Pipeline([named('a'), named('b')], async () => ok());
    await base.insertAfter('a', named('x')).replace('b', named('c')).handle(request());
    expect(trace).toEqual(['a', 'x', 'c']);
    expect(base.without('a').names).toEqual(['b']);
    expect(() => base.without('zzz')).toThrow(/No pipeline step named "zzz"/);
  });
});
