import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context';
import { issueGrantCode } from '../accounts/oauth-routes';
import { readJson, isPlainObject } from '../crm/body';
import { editionLimits, Edition } from '../crm/limits';
import type { FaultRule } from './faults';

/**
 * Test and tooling hooks under `/__emulator/` (no OAuth, loopback clients only):
 * grant codes, the clock, reset, the request log, fault injection, token expiry and limits.
 */
export function registerAdminRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.register(async (admin) => {
    admin.addHook('onRequest', async (request, reply) => {
      if (!isLoopback(request.socket.remoteAddress)) {
        reply.code(403).send({ error: 'the emulator admin routes answer loopback clients only' });
      }
    });

    admin.post('/__emulator/grant-tokens', async (request, reply) => {
      const body = objectBody(request);
      if (typeof body.scope !== 'string') return badRequest(reply, '"scope" (comma-separated scopes) is required');
      if (body.email !== undefined && typeof body.email !== 'string') return badRequest(reply, '"email" must be a string');
      try {
        return { code: issueGrantCode(ctx, body.scope, body.email as string | undefined) };
      } catch (err) {
        return badRequest(reply, (err as Error).message);
      }
    });

    admin.get('/__emulator/clock', async () => ({ now: ctx.now(), time: ctx.timestamp() }));
    admin.post('/__emulator/clock', async (request, reply) => {
      const seconds = objectBody(request).advanceSeconds;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
        return badRequest(reply, '"advanceSeconds" must be a non-negative number');
      }
      ctx.clock.advance(seconds);
      return { now: ctx.now(), time: ctx.timestamp() };
    });

    admin.post('/__emulator/reset', async () => {
      ctx.reset();
      return { status: 'reset' };
    });

    admin.get('/__emulator/requests', async (request) => {
      const { path } = request.query as { path?: string };
      const entries = ctx.log.list();
      return { requests: path === undefined ? entries : entries.filter((e) => e.path === path) };
    });
    admin.delete('/__emulator/requests', async () => {
      ctx.log.clear();
      return { status: 'cleared' };
    });

    admin.post('/__emulator/faults', async (request, reply) => {
      const body = objectBody(request);
      const rules = Array.isArray(body.rules) ? body.rules : [body];
      try {
        for (const rule of rules) ctx.faults.add(rule as FaultRule);
      } catch (err) {
        return badRequest(reply, (err as Error).message);
      }
      return { active: ctx.faults.size };
    });
    admin.delete('/__emulator/faults', async () => {
      ctx.faults.clear();
      return { active: 0 };
    });

    admin.post('/__emulator/tokens/expire', async (request) => {
      const body = objectBody(request);
      let expired = 0;
      for (const token of Object.values(ctx.state.oauth.accessTokens)) {
        if (typeof body.accessToken === 'string' && token.token !== body.accessToken) continue;
        if (typeof body.email === 'string' && token.email.toLowerCase() !== body.email.toLowerCase()) continue;
        if (token.expiresAt > ctx.now()) {
          token.expiresAt = ctx.now();
          expired++;
        }
      }
      return { expired };
    });

    admin.get('/__emulator/limits', async () => limitsView(ctx));
    admin.put('/__emulator/limits', async (request, reply) => {
      const body = objectBody(request);
      if (typeof body.edition === 'string') {
        const limits = editionLimits(body.edition as Edition, ctx.state.users.length);
        if (!limits) return badRequest(reply, `unknown edition ${body.edition}`);
        ctx.gate.limits = limits;
        ctx.credits.limit = limits.creditsPerDay;
      }
      for (const key of ['creditsPerDay', 'concurrency', 'heavyConcurrency'] as const) {
        const value = body[key];
        if (value === undefined) continue;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
          return badRequest(reply, `"${key}" must be a non-negative integer`);
        }
        if (key === 'creditsPerDay') ctx.credits.limit = value;
        else ctx.gate.limits = { ...ctx.gate.limits, [key]: value };
      }
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

function objectBody(request: FastifyRequest): Record<string, unknown> {
  try {
    const body = readJson(request);
    return isPlainObject(body) ? body : {};
  } catch {
    return {};
  }
}

function badRequest(reply: FastifyReply, error: string): FastifyReply {
  return reply.code(400).send({ error });
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
