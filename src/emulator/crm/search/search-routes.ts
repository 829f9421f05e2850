import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { csv, pageOf, paging } from '../body';
import { moduleScope } from '../module-scopes';
import { QueryErrors } from '../query/query-errors';
import { renderRecord } from '../records/render';
import { filterApproval, filterConverted, sortRecords } from '../records/read-routes';
import { crmRoute, NO_CONTENT } from '../route';
import type { ScopeRequirement } from '../scopes';
import { searchPredicate } from './search-params';

/** Search reads at most this many records, however it is paged (docs/zoho-v2-notes.md §5.8). */
const MAX_SEARCH_RECORDS = 2000;

const SECURE_SEARCH: ScopeRequirement = { group: 'ZohoSearch.securesearch', operation: 'READ' };

/** `GET /{module}/search` by `criteria`, `email`, `phone` or `word` (docs/zoho-v2-notes.md §5.8). */
export function registerSearchRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'GET',
    url: '/:module/search',
    scopes: ({ params }) => [...moduleScope(ctx, params.module, 'READ'), SECURE_SEARCH],
    handler: ({ params, query }) => {
      const module = ctx.module(params.module);
      const matches = searchPredicate(ctx, module, query);
      const { page, perPage } = paging(query);
      // [I] Refused up front, whether or not that many records match.
      if (page * perPage > MAX_SEARCH_RECORDS) throw QueryErrors.limitReached(MAX_SEARCH_RECORDS);
      let records = filterApproval(Object.values(ctx.recordsOf(module.api_name)), query.approved);
      if (module.api_name === 'Leads') records = filterConverted(records, query.converted);
      // [I] Results come oldest first (by id); Zoho documents no order for search.
      const result = pageOf(sortRecords(records.filter(matches), undefined, undefined), page, perPage);
      if (!result) return NO_CONTENT;
      // `fields` narrows the records as in the list API (the official Node SDK 2.0's SearchRecordsParam.FIELDS).
      const fields = csv(query.fields);
      return { data: result.data.map((r) => renderRecord(ctx, module, r, fields)), info: result.info };
    },
  });
}
