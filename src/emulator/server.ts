import Fastify, { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { EmulatorContext } from './context';
import { redactHeaders, redactUrl } from './admin/redact';
import { CapturedBody, captureBody } from './admin/body-capture';
import { pause, scriptedAnswer } from './admin/faults';
import { parseFormBody } from './crm/body';
import { ApiErrors, ZohoApiError } from './crm/zoho-error';
import { isCatchAll, RouteTable } from './route-table';
import { isUnservedZohoPath } from './crm/unserved-paths';
import { registerAdminRoutes } from './admin/admin-routes';
import { registerOAuthRoutes } from './accounts/oauth-routes';
import { registerCrmRoutes } from './crm/register';

declare module 'fastify' {
  interface FastifyRequest {
    /** Email of the user a CRM call authenticated as (for the request log). */
    crmUser?: string;
    /** Scripted latency a CRM route applies once it holds a concurrency slot. */
    faultDelayMs?: number;
    /** A fault asked for the answer to be dropped once the request was handled. */
    dropAnswer?: boolean;
    /** `grant_type` of a token-endpoint call, as the OAuth route parsed it (any body encoding). */
    grantType?: string;
    /** What the request log keeps of the body, recorded as it streams in. */
    capturedBody?: CapturedBody;
  }
}

/** Largest request body accepted (attachments go up to 20 MB in Zoho). */
export const BODY_LIMIT = 25 * 1024 * 1024;

/** Builds the fastify app serving Zoho Accounts, the CRM API and the `/__emulator` admin routes. */
export async function buildServer(ctx: EmulatorContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: 1000 },
    keepAliveTimeout: 65_000,
    // stop() must not wait on requests held open by latency faults or slow clients.
    forceCloseConnections: true,
    // Undecodable URLs and over-long path parameters get Zoho's envelope, not fastify's. [I] Zoho's answer is a 404.
    frameworkErrors: (_error, _request, reply) => sendZohoError(reply, ApiErrors.invalidUrl()),
  });
  app.decorateRequest('crmUser', undefined);
  app.decorateRequest('faultDelayMs', undefined);
  app.decorateRequest('dropAnswer', undefined);
  app.decorateRequest('grantType', undefined);
  app.decorateRequest('capturedBody', undefined);
  const routes = new RouteTable();
  app.addHook('onRoute', (route) => routes.add(route.method, route.url));

  // Every body is read as bytes and parsed by the routes, so any Content-Type (or none) works as on Zoho.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, parseFormBody(body as Buffer)),
  );
  await app.register(multipart, { limits: { fileSize: BODY_LIMIT, files: 10 } });

  // The HTTP Date follows the emulator clock like every other time it shows (Node would stamp the host's time).
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('Date', new Date(ctx.now()).toUTCString());
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request);
    if (isAdminPath(path)) return;
    const fault = ctx.faults.take(request.method, path);
    if (!fault) return;
    const answer = scriptedAnswer(fault, ctx.now());
    if (fault.dropAnswerAfterCommit && !answer && !fault.drop) request.dropAnswer = true;
    if (!answer && !fault.drop && request.routeOptions.config.crm) {
      request.faultDelayMs = fault.delayMs;
      return;
    }
    if (fault.delayMs) await pause(fault.delayMs);
    if (fault.drop) {
      reply.hijack();
      request.raw.socket.destroy();
      // A dropped request never reaches onResponse; log it without a status.
      logRequest(ctx, request);
      return;
    }
    if (answer) {
      reply.headers(answer.headers);
      reply.code(answer.status);
      return reply.send(answer.body);
    }
  });

  app.addHook('preParsing', async (request, _reply, payload) => {
    if (isAdminPath(pathOf(request))) return payload;
    const { stream, captured } = captureBody(payload, request.headers['content-type']);
    request.capturedBody = captured;
    return stream;
  });

  // The request was handled (a write committed); its answer is lost with the connection.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.dropAnswer) return payload;
    reply.hijack();
    request.raw.socket.destroy();
    logRequest(ctx, request);
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!isAdminPath(pathOf(request))) logRequest(ctx, request, reply.statusCode);
  });

  app.setErrorHandler((error: FastifyError | ZohoApiError, request, reply) =>
    sendZohoError(reply, toZohoError(error, request)),
  );

  app.setNotFoundHandler((request, reply) => sendZohoError(reply, noRouteError(routes, pathOf(request))));

  // A Zoho API path the emulator does not serve may reach a catch-all `/:module/...` route: it is answered as the
  // unknown URL it is here, before authentication, as unmatched paths are.
  app.addHook('preHandler', async (request) => {
    if (isCatchAll(request.routeOptions.url ?? '') && isUnservedZohoPath(pathOf(request)))
      throw noRouteError(routes, pathOf(request));
  });

  registerOAuthRoutes(app, ctx);
  registerAdminRoutes(app, ctx, routes);
  registerCrmRoutes(app, ctx);
  return app;
}

/**
 * A path no route serves: a method error when another method would be served there, else an unknown URL.
 * Catch-all routes do not count for a Zoho API path the emulator does not serve.
 */
function noRouteError(routes: RouteTable, path: string): ZohoApiError {
  const served = routes.methodsFor(path, isUnservedZohoPath(path));
  return served.size > 0 ? ApiErrors.invalidMethod() : ApiErrors.invalidUrl();
}

function sendZohoError(reply: FastifyReply, error: ZohoApiError): FastifyReply {
  return reply.code(error.httpStatus).send(error.toJSON());
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0];
}

/** The admin routes' own traffic stays out of the log and is never faulted. */
function isAdminPath(path: string): boolean {
  return path.startsWith('/__emulator/');
}

function logRequest(ctx: EmulatorContext, request: FastifyRequest, status?: number): void {
  const path = pathOf(request);
  ctx.log.add({
    time: ctx.timestamp(),
    method: request.method,
    url: redactUrl(request.url),
    path,
    status,
    grantType: path === '/oauth/v2/token' ? (request.grantType ?? queryGrantType(request.query)) : undefined,
    user: request.crmUser,
    headers: redactHeaders(request.headers),
    capturedBody: request.capturedBody,
  });
}

/** A faulted token call never reaches the OAuth route; its query string may still say which grant it was. */
function queryGrantType(query: unknown): string | undefined {
  const value = (query as Record<string, unknown> | undefined)?.grant_type;
  return typeof value === 'string' ? value : undefined;
}

/** Maps framework errors (bad bodies, oversize uploads) onto Zoho's envelope; never leaks a stack trace. */
function toZohoError(error: FastifyError | ZohoApiError, request: FastifyRequest): ZohoApiError {
  if (error instanceof ZohoApiError) return error;
  const status = (error as FastifyError).statusCode;
  if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
    return ApiErrors.payloadTooLarge();
  }
  // The multipart parser reports a truncated or boundary-less body with plain errors: bad input, not a server fault.
  const badMultipart = request.isMultipart() && /multipart|content-type/i.test(error.message);
  if ((status !== undefined && status >= 400 && status < 500) || badMultipart) return ApiErrors.invalidData();
  return ApiErrors.internal();
}
