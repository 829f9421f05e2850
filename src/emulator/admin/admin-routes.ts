import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context';
import { issueGrantCode } from '../accounts/oauth-routes';
import { readJson, isPlainObject } from '../crm/body';
import { EDITIONS, editionLimits, Edition, EditionLimits } from '../crm/limits';
import { FaultRule, pathMatches, validateRule } from './faults';
import { isLoopback } from './loopback';
import type { RouteTable } from '../route-table';

/** A bad admin call: answered 400 `{error}` by the admin scope's error handler. */
class AdminInputError extends Error {}

/**
 * Test and tooling hooks under `/__emulator/` (no OAuth, loopback clients only):
 * grant codes, the clock, reset, the request log, fault injection, token expiry, limits and the served routes.
 */
export function registerAdminRoutes(app: FastifyInstance, ctx: EmulatorContext, routes: RouteTable): void {
  app.register(async (admin) => {
    // Admin answers are plain `{error}` objects, not Zoho envelopes: these routes are the emulator's, not Zoho's.
    admin.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) =>
      reply
        .code(error instanceof AdminInputError ? 400 : (error.statusCode ?? 500))
        .send({ error: error.message }),
    );
    admin.addHook('onRequest', async (request, reply) => {
      if (!isLoopback(request.socket.remoteAddress)) {
        reply.code(403).send({ error: 'the emulator admin routes answer loopback clients only' });
      }
    });

    admin.post('/__emulator/grant-tokens', async (request) => {
      const body = objectBody(request);
      if (typeof body.scope !== 'string')
        throw new AdminInputError('"scope" (comma-separated scopes) is required');
      if (body.email !== undefined && typeof body.email !== 'string')
        throw new AdminInputError('"email" must be a string');
      try {
        return { code: issueGrantCode(ctx, body.scope, body.email as string | undefined) };
      } catch (err) {
        throw new AdminInputError((err as Error).message);
      }
    });

    admin.get('/__emulator/clock', async () => ({ now: ctx.now(), time: ctx.timestamp() }));
    admin.post('/__emulator/clock', async (request) => {
      const seconds = objectBody(request).advanceSeconds;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
        throw new AdminInputError('"advanceSeconds" must be a non-negative number');
      }
      ctx.clock.advance(seconds);
      return { now: ctx.now(), time: ctx.timestamp() };
    });

    // The module's stored records as the emulator holds them, so tests can reconcile a client's results with the
    // server's own state instead of trusting what the client reports.
    admin.get('/__emulator/records/:module', async (request) => {
      const { module } = request.params as { module: string };
      const def = ctx.findModule(module);
      if (!def) throw new AdminInputError(`no module "${module}"`);
      return { records: Object.values(ctx.recordsOf(def.api_name)) };
    });

    admin.post('/__emulator/reset', async () => {
      ctx.reset();
      return { status: 'reset' };
    });

    admin.get('/__emulator/requests', async (request) => {
      // `?path=` is exact, or a prefix when it ends with `*` (as in fault rules).
      const { path } = request.query as { path?: string };
      const entries = ctx.log.list();
      return {
        requests: typeof path === 'string' ? entries.filter((e) => pathMatches(path, e.path)) : entries,
      };
    });
    admin.delete('/__emulator/requests', async () => {
      ctx.log.clear();
      return { status: 'cleared' };
    });

    admin.post('/__emulator/faults', async (request) => {
      const body = objectBody(request);
      const rules: unknown[] =
        body.rules === undefined ? [body] : Array.isArray(body.rules) ? body.rules : [undefined];
      // All rules are checked before any is added, so a bad rule in a list leaves the active set unchanged.
      try {
        rules.forEach(validateRule);
      } catch (err) {
        throw new AdminInputError((err as Error).message);
      }
      for (const rule of rules as FaultRule[]) ctx.faults.add(rule);
      return { active: ctx.faults.size };
    });
    admin.delete('/__emulator/faults', async () => {
      ctx.faults.clear();
      return { active: 0 };
    });

    // Expires live access tokens: one (`accessToken`, or `token`), a user's (`email`), or every one when neither is given.
    admin.post('/__emulator/tokens/expire', async (request) => {
      const body = objectBody(request);
      const only = body.accessToken ?? body.token;
      if (only !== undefined && typeof only !== 'string')
        throw new AdminInputError('"accessToken" must be a string');
      if (body.email !== undefined && typeof body.email !== 'string')
        throw new AdminInputError('"email" must be a string');
      const email = typeof body.email === 'string' ? body.email.toLowerCase() : undefined;
      let expired = 0;
      for (const token of Object.values(ctx.state.oauth.accessTokens)) {
        if (only !== undefined && token.token !== only) continue;
        if (email !== undefined && token.email.toLowerCase() !== email) continue;
        if (token.expiresAt > ctx.now()) {
          token.expiresAt = ctx.now();
          expired++;
        }
      }
      return { expired };
    });

    // The Zoho API routes served (Accounts and CRM), so users and the README can tell what the emulator covers.
    admin.get('/__emulator/routes', async () => ({
      routes: routes.list().filter((r) => !r.url.startsWith('/__emulator/') && r.url !== '*'),
    }));

    admin.get('/__emulator/limits', async () => limitsView(ctx));
    admin.put('/__emulator/limits', async (request) => {
      const body = objectBody(request);
      if (body.edition !== undefined && !EDITIONS.includes(body.edition as Edition)) {
        throw new AdminInputError(`"edition" must be one of ${EDITIONS.join(', ')}`);
      }
      // An edition sets all three budgets; explicit numbers override it. Everything is checked before anything changes.
      const limits: EditionLimits =
        body.edition === undefined
          ? { ...ctx.gate.limits, creditsPerDay: ctx.credits.limit }
          : editionLimits(body.edition as Edition, ctx.state.users.length);
      for (const key of ['creditsPerDay', 'concurrency', 'heavyConcurrency'] as const) {
        const value = body[key];
        if (value === undefined) continue;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
          throw new AdminInputError(`"${key}" must be a non-negative integer`);
        }
        limits[key] = value;
      }
      ctx.applyLimits(limits);
      if (body.resetCredits === true) ctx.credits.reset();
      return limitsView(ctx);
    });
  });
}

function limitsView(ctx: EmulatorContext): Record<string, unknown> {
  return {
    ...ctx.gate.limits,
    creditsPerDay: ctx.credits.limit,
    creditsUsed: ctx.credits.used(ctx.now()),
  };
}

/** The JSON object body of an admin call; none counts as `{}`. */
function objectBody(request: FastifyRequest): Record<string, unknown> {
  let body: unknown;
  try {
    body = readJson(request);
  } catch {
    throw new AdminInputError('the body is not valid JSON');
  }
  if (body === undefined) return {};
  if (!isPlainObject(body)) throw new AdminInputError('the body must be a JSON object');
  return body;
}
