import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../../context';
import { isPlainObject, readJson } from '../body';
import { moduleScope } from '../module-scopes';
import { QueryErrors } from '../query/query-errors';
import { crmRoute, NO_CONTENT } from '../route';
import { scopesSatisfy } from '../scopes';
import { ApiErrors } from '../zoho-error';
import { parseCoql } from './parser';
import { planQuery, runQuery } from './run-query';

/** `POST /coql` with `{"select_query": "..."}` (docs/zoho-v2-notes.md §5.9). */
export function registerCoqlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'POST',
    url: '/coql',
    heavy: true,
    scopes: () => [{ group: 'ZohoCRM.coql', operation: 'READ' }],
    handler: ({ request, token }) => {
      const plan = planQuery(ctx, parseCoql(selectQuery(request)));
      // [I] The queried module's read scope is needed too; it is known only once the query is parsed.
      if (!scopesSatisfy(token.scope, moduleScope(ctx, plan.module.api_name, 'READ')))
        throw ApiErrors.scopeMismatch();
      return runQuery(ctx, plan) ?? NO_CONTENT;
    },
  });
}

/** [I] A missing or blank `select_query` is v8's MANDATORY_NOT_FOUND; a non-string one INVALID_DATA. */
function selectQuery(request: FastifyRequest): string {
  const body = readJson(request);
  if (body !== undefined && !isPlainObject(body))
    throw ApiErrors.invalidData({ expected_data_type: 'jsonobject' });
  const query = body?.select_query;
  if (query === undefined || query === null || (typeof query === 'string' && query.trim() === '')) {
    throw QueryErrors.selectQueryMissing();
  }
  if (typeof query !== 'string')
    throw ApiErrors.invalidData({ api_name: 'select_query', expected_data_type: 'text' });
  return query;
}
