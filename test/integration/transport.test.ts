import type { RunningEmulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import type { ZCRMRestClient } from '../../src/api/rest-client';
import {
  AuthenticationException,
  ConnectionException,
  NotFoundException,
  RateLimitException,
  TimeoutException,
  ValidationException,
  ZCRMException,
} from '../../src/errors';
import type { Step } from '../../src/http/http-types';
import { addFault, admin, authorisedClient, memoryLogger, PATRICIA, requestLog } from '../support/sdk';

const LEADS = '/crm/v2/Leads';

describe('transport against the emulator', () => {
  let emulator: RunningEmulator;
  let client: ZCRMRestClient;
  const extra: ZCRMRestClient[] = [];
  const logger = memoryLogger();

  beforeAll(async () => {
    emulator = await startEmulator();
    client = await authorisedClient(emulator, PATRICIA, {
      logger,
      retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 3_000, budget: 1000 },
    });
  });
  afterAll(async () => {
    await Promise.all([client, ...extra].map((c) => c.close()));
    await emulator.stop();
  });
  beforeEach(async () => {
    await admin(emulator, 'DELETE', 'faults');
    await admin(emulator, 'DELETE', 'requests');
    await admin(emulator, 'PUT', 'limits', { edition: 'enterprise', resetCredits: true });
    logger.lines.length = 0;
  });

  /** Attempts the pipeline logged (one INFO or WARN line each) for exactly this path. */
  const attempts = (method: string, path: string) =>
    logger.lines
      .filter((l) => l.startsWith('INFO ') || l.startsWith('WARN '))
      .filter((l) => l.split(' ')[1] === method && l.split(' ')[2].split('?')[0] === `${emulator.url}${path}`)
      .length;

  describe('retry', () => {
    it('retries a GET through a burst of 5xx answers', async () => {
      await addFault(emulator, {
        method: 'GET',
        path: LEADS,
        times: 2,
        status: 503,
        body: { code: 'INTERNAL_ERROR', message: 'busy', details: {}, status: 'error' },
      });
      const response = await client.request({ path: 'Leads', params: { per_page: 1 } });
      expect(response.status).toBe(200);
      expect((await requestLog(emulator, LEADS)).map((r) => r.status)).toEqual([503, 503, 200]);
    });

    it('retries a GET after dropped connections', async () => {
      await addFault(emulator, { method: 'GET', path: LEADS, times: 2, drop: true });
      expect((await client.request({ path: 'Leads', params: { per_page: 1 } })).status).toBe(200);
      expect(attempts('GET', LEADS)).toBe(3);
    });

    it('gives up after maxRetries with the last error', async () => {
      await addFault(emulator, {
        method: 'GET',
        path: LEADS,
        times: 10,
        status: 500,
        body: {
          code: 'INTERNAL_ERROR',
          message: 'Internal server error occurred.',
          details: {},
          status: 'error',
        },
      });
      const error = await client.request({ path: 'Leads' }).catch((e) => e);
      expect(error).toBeInstanceOf(ZCRMException);
      expect(error).toMatchObject({ statusCode: 500, errorCode: 'INTERNAL_ERROR' });
      expect((await requestLog(emulator, LEADS)).length).toBe(4);
    });

    it('honours the wait a 429 asks for', async () => {
      await addFault(emulator, {
        method: 'GET',
        path: LEADS,
        times: 1,
        status: 429,
        headers: { 'Retry-After': '1' },
        body: {
          code: 'TOO_MANY_REQUESTS',
          message: 'Many requests fired in concurrent than the allowed limit',
          details: {},
          status: 'error',
        },
      });
      const started = Date.now();
      expect((await client.request({ path: 'Leads', params: { per_page: 1 } })).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect((await requestLog(emulator, LEADS)).map((r) => r.status)).toEqual([429, 200]);
    });

    it('does not resend a POST after a response-less failure', async () => {
      await addFault(emulator, { method: 'POST', path: LEADS, times: 1, drop: true });
      const error = await client
        .request({ method: 'POST', path: 'Leads', body: { data: [{ Last_Name: 'Once' }] } })
        .catch((e) => e);
      expect(error).toBeInstanceOf(ConnectionException);
      expect(error.failure).toBe('reset');
      expect(attempts('POST', LEADS)).toBe(1);
      // The server saw it once (logged without a status: the connection was dropped).
      expect((await requestLog(emulator, LEADS)).map((r) => [r.method, r.status])).toEqual([
        ['POST', undefined],
      ]);
    });

    it('resends an upsert, or a POST the caller marks retryable', async () => {
      await addFault(emulator, { method: 'POST', path: `${LEADS}/upsert`, times: 1, drop: true });
      await client
        .request({
          method: 'POST',
          path: 'Leads/upsert',
          body: { data: [{ Last_Name: 'Twice', Email: 'twice@example.com' }] },
        })
        .catch(() => undefined);
      expect(attempts('POST', `${LEADS}/upsert`)).toBe(2);
      expect(await requestLog(emulator, `${LEADS}/upsert`)).toHaveLength(2);

      await addFault(emulator, { method: 'POST', path: '/crm/v2/Contacts', times: 1, drop: true });
      await client
        .request({
          method: 'POST',
          path: 'Contacts',
          body: { data: [{ Last_Name: 'Opt-in' }] },
          retryable: true,
        })
        .catch(() => undefined);
      expect(attempts('POST', '/crm/v2/Contacts')).toBe(2);
    });

    it('stops retrying once the retry budget is spent', async () => {
      const stingy = await authorisedClient(emulator, PATRICIA, {
        retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 10, budget: 2 },
      });
      extra.push(stingy);
      await admin(emulator, 'DELETE', 'requests');
      await addFault(emulator, {
        method: 'GET',
        path: LEADS,
        status: 500,
        body: { code: 'INTERNAL_ERROR', message: 'x', details: {}, status: 'error' },
      });
      await expect(stingy.request({ path: 'Leads' })).rejects.toMatchObject({ statusCode: 500 });
      await expect(stingy.request({ path: 'Leads' })).rejects.toMatchObject({ statusCode: 500 });
      expect(await requestLog(emulator, LEADS)).toHaveLength(4);
    });
  });

  describe('timeouts and aborts', () => {
    it('times out a slow response (and retries a GET within the budget of attempts)', async () => {
      await addFault(emulator, { method: 'GET', path: LEADS, times: 1, delayMs: 1500 });
      const response = await client.request({ path: 'Leads', params: { per_page: 1 }, timeoutMs: 300 });
      expect(response.status).toBe(200);
      expect(logger.lines.some((l) => /TIMEOUT: No response within 300 ms/.test(l))).toBe(true);
    });

    it('surfaces a timeout when retries are off', async () => {
      const once = await authorisedClient(emulator, PATRICIA, { retry: false, timeoutMs: 200 });
      extra.push(once);
      await addFault(emulator, { method: 'GET', path: LEADS, times: 1, delayMs: 1000 });
      const started = Date.now();
      const error = await once.request({ path: 'Leads' }).catch((e) => e);
      expect(error).toBeInstanceOf(TimeoutException);
      expect(Date.now() - started).toBeLessThan(900);
    });

    it('aborts on the caller’s AbortSignal, without retrying', async () => {
      await addFault(emulator, { method: 'GET', path: LEADS, times: 1, delayMs: 1000 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const error = await client.request({ path: 'Leads', signal: controller.signal }).catch((e) => e);
      expect(error).toBeInstanceOf(ConnectionException);
      expect(error).toMatchObject({ errorCode: 'ABORTED', failure: 'aborted' });
      expect(attempts('GET', LEADS)).toBe(1);
    });
  });

  describe('responses and error forms', () => {
    it('returns 204 and 304 as no-data results', async () => {
      const none = await client.request({ path: 'Leads/1234567000000999999' });
      expect(none).toMatchObject({ status: 204, noData: true, data: undefined });
      const notModified = await client.request({
        path: 'Leads',
        headers: { 'If-Modified-Since': '2099-01-01T00:00:00+05:30' },
      });
      expect(notModified).toMatchObject({ status: 304, noData: true, data: undefined });
    });

    it('parses rate-limit and credit headers into the response', async () => {
      const first = await client.request({ path: 'Leads', params: { per_page: 1 } });
      expect(first.rateLimit).toMatchObject({
        dayLimit: expect.any(Number),
        dayRemaining: expect.any(Number),
        accessTokenReset: expect.stringMatching(/^\d{4}-/),
      });
      expect(first.rateLimit.creditsRemaining).toBeUndefined();
      await admin(emulator, 'PUT', 'limits', { creditsPerDay: 4, resetCredits: true });
      await client.request({ path: 'Leads', params: { per_page: 1 } });
      const later = await client.request({ path: 'Leads', params: { per_page: 1 } });
      expect(later.rateLimit).toMatchObject({ creditsRemaining: 2, dayLimit: 4, dayRemaining: 2 });
    });

    it('maps each Zoho error form to its exception class', async () => {
      const noRetry = await authorisedClient(emulator, PATRICIA, { retry: false });
      extra.push(noRetry);
      const catching = (p: Promise<unknown>) =>
        p.then(
          () => undefined,
          (e) => e,
        );

      const invalidModule = await catching(noRetry.request({ path: 'NoSuchModule' }));
      expect(invalidModule).toBeInstanceOf(NotFoundException);
      expect(invalidModule).toMatchObject({
        statusCode: 400,
        errorCode: 'INVALID_MODULE',
        errorMessage: 'the module name given seems to be invalid',
      });

      const badId = await catching(noRetry.request({ path: 'Leads/not-an-id' }));
      expect(badId).toBeInstanceOf(ValidationException);
      expect(badId).toMatchObject({ statusCode: 400, errorCode: 'INVALID_DATA' });

      const badUrl = await catching(noRetry.request({ path: 'Leads/1/2/3/4/5' }));
      expect(badUrl).toBeInstanceOf(NotFoundException);
      expect(badUrl).toMatchObject({ statusCode: 404, errorCode: 'INVALID_URL_PATTERN' });

      const narrow = await authorisedClient(emulator, PATRICIA, { retry: false });
      extra.push(narrow);
      await narrow.oauthClient.generateAccessToken(
        await emulator.issueGrantToken({
          scope: 'ZohoCRM.modules.leads.READ,AaaServer.profile.READ',
          email: PATRICIA,
        }),
      );
      const scope = await catching(narrow.request({ path: 'Contacts' }));
      expect(scope).toBeInstanceOf(AuthenticationException);
      expect(scope).toMatchObject({ statusCode: 401, errorCode: 'OAUTH_SCOPE_MISMATCH' });

      await addFault(emulator, {
        path: LEADS,
        times: 1,
        status: 401,
        body: {
          code: 'AUTHENTICATION_FAILURE',
          details: {},
          message: 'Authentication failed',
          status: 'error',
        },
      });
      expect(await catching(noRetry.request({ path: 'Leads' }))).toMatchObject({
        constructor: AuthenticationException,
        errorCode: 'AUTHENTICATION_FAILURE',
      });

      await admin(emulator, 'PUT', 'limits', { creditsPerDay: 0, resetCredits: true });
      const limited = await catching(noRetry.request({ path: 'Leads' }));
      expect(limited).toBeInstanceOf(RateLimitException);
      expect(limited).toMatchObject({ statusCode: 429, errorCode: 'TOO_MANY_REQUESTS' });
    });
  });

  describe('throttle', () => {
    /** A step after the throttle that counts attempts in flight across every client given the same counter. */
    function probe(counter: { now: number; peak: number }): Step {
      return {
        name: 'probe',
        async handle(request, next) {
          counter.peak = Math.max(counter.peak, ++counter.now);
          try {
            return await next(request);
          } finally {
            counter.now--;
          }
        },
      };
    }

    it('keeps concurrency per org at maxConcurrent under injected latency', async () => {
      const throttled = await authorisedClient(emulator, PATRICIA, { throttle: { maxConcurrent: 3 } });
      extra.push(throttled);
      const counter = { now: 0, peak: 0 };
      throttled.pipeline = throttled.pipeline.insertAfter('throttle', probe(counter));
      await addFault(emulator, { method: 'GET', path: LEADS, times: 12, delayMs: 100 });
      const started = Date.now();
      await Promise.all(
        Array.from({ length: 12 }, () => throttled.request({ path: 'Leads', params: { per_page: 1 } })),
      );
      expect(counter.peak).toBe(3);
      expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    });

    it('uses the edition’s concurrency by default (free = 5)', async () => {
      const free = await authorisedClient(emulator, PATRICIA, { throttle: { edition: 'free' } });
      extra.push(free);
      const counter = { now: 0, peak: 0 };
      free.pipeline = free.pipeline.insertAfter('throttle', probe(counter));
      await addFault(emulator, { method: 'GET', path: LEADS, times: 20, delayMs: 50 });
      await Promise.all(
        Array.from({ length: 20 }, () => free.request({ path: 'Leads', params: { per_page: 1 } })),
      );
      expect(counter.peak).toBe(5);
    });
  });
});
