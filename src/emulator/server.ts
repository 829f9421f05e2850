import Fastify, { FastifyError, FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { EmulatorContext } from './context';
import { redactUrl } from './admin/request-log';
import { ApiErrors, ZohoApiError } from './crm/zoho-error';
import { registerAdminRoutes } from './admin/admin-routes';
import { registerOAuthRoutes } from './accounts/oauth-routes';
import { registerCrmRoutes } from './crm/register';

declare module 'fastify' {
  interface FastifyRequest {
    /** Email of the user a CRM call authenticated as (for the request log). */
    crmUser?: string;
  }
}

/** Largest request body accepted (attachments go up to 20 MB in Zoho). */
export const BODY_LIMIT = 25 * 1024 * 1024;

/** Builds the fastify app serving Zoho Accounts, the CRM API and the `/__emulator` admin routes. */
export async function buildServer(ctx: EmulatorContext): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, routerOptions: { maxParamLength: 1000 }, keepAliveTimeout: 65_000 });
  app.decorateRequest('crmUser', undefined);

  // Every body is read as bytes and parsed by the routes, so any Content-Type (or none) works as on Zoho.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: BODY_LIMIT, files: 10 } });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/__emulator/')) return;
    const fault = ctx.faults.take(request.method, path);
    if (!fault) return;
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.drop) {
      request.raw.socket.destroy();
      return reply.hijack();
    }
    if (fault.status !== undefined) {
      if (fault.headers) reply.headers(fault.headers);
      reply.code(fault.status);
      return reply.send(fault.body === undefined ? undefined : fault.body);
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/__emulator/')) return;
    const body = request.body;
    const grantType =
      path === '/oauth/v2/token' ? readGrantType(request.query, body) : undefined;
    ctx.log.add({
      time: ctx.timestamp(),
      method: request.method,
      url: redactUrl(request.url),
      path,
      status: reply.statusCode,
      grantType,
      user: request.crmUser,
    });
  });

  app.setErrorHandler((error: FastifyError | ZohoApiError, _request, reply) => {
    const zoho = toZohoError(error);
    reply.code(zoho.httpStatus).send(zoho.toJSON());
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const otherMethod = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].some(
      (m) => m !== request.method && app.hasRoute({ method: m as 'GET', url: path }),
    );
    const err = otherMethod ? ApiErrors.invalidMethod() : ApiErrors.invalidUrl();
    reply.code(err.httpStatus).send(err.toJSON());
  });

  registerOAuthRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerCrmRoutes(app, ctx);
  return app;
}

function readGrantType(query: unknown, body: unknown): string | undefined {
  const fromQuery = (query as Record<string, unknown> | undefined)?.grant_type;
  if (typeof fromQuery === 'string') return fromQuery;
  if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
    const value = (body as Record<string, unknown>).grant_type;
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** Maps framework errors (bad bodies, oversize uploads) onto Zoho's envelope; never leaks a stack trace. */
function toZohoError(error: FastifyError | ZohoApiError): ZohoApiError {
  if (error instanceof ZohoApiError) return error;
  const status = (error as FastifyError).statusCode;
  if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
    return ApiErrors.payloadTooLarge();
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return ApiErrors.invalidData({}, 'invalid data');
  }
  return ApiErrors.internal();
}
