import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import type { DeletedRecord } from '../../state/types';
import { pageOf, paging } from '../body';
import { moduleScope } from '../module-scopes';
import { crmRoute, NO_CONTENT } from '../route';
import { ApiErrors } from '../zoho-error';
import { ifModifiedSince } from './read-routes';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Deleted records stay 60 days in the recycle bin, then 120 days in the permanently-deleted list (docs/zoho-v2-notes.md §5.6). */
const RECYCLE_DAYS = 60;
const PERMANENT_DAYS = 120;
const TYPES = new Set(['all', 'recycle', 'permanent']);

/** `GET /{module}/deleted?type=all|recycle|permanent` (docs/zoho-v2-notes.md §5.7). */
export function registerDeletedRecordsRoute(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'GET',
    url: '/:module/deleted',
    scopes: ({ params }) => moduleScope(ctx, params.module, 'READ'),
    // Deleted-record listings cost 2 credits (docs/zoho-v2-notes.md §4.1).
    cost: 2,
    handler: ({ params, query, request }) => {
      const module = ctx.module(params.module);
      const type = query.type ?? 'all';
      if (!TYPES.has(type)) throw ApiErrors.invalidData({ param: 'type' });
      const { page, perPage } = paging(query);
      let entries = ctx.state.deleted
        .filter((d) => d.module === module.api_name)
        .map((d) => ({ ...d, type: currentType(ctx, d) }))
        .filter((d): d is DeletedRecord => d.type !== undefined && (type === 'all' || d.type === type));
      const since = ifModifiedSince(request.headers['if-modified-since']);
      if (since !== undefined) {
        entries = entries.filter((d) => Date.parse(d.deleted_time) > since);
        if (entries.length === 0) return { status: 304 };
      }
      // [I] Most recent deletions first.
      entries.sort((a, b) => Date.parse(b.deleted_time) - Date.parse(a.deleted_time));
      const result = pageOf(entries, page, perPage);
      if (!result) return NO_CONTENT;
      return { data: result.data.map((d) => renderDeleted(ctx, d)), info: result.info };
    },
  });
}

/** Where a deleted record is now: the recycle bin, the permanent list, or gone (`undefined`). */
function currentType(ctx: EmulatorContext, entry: DeletedRecord): DeletedRecord['type'] | undefined {
  const age = ctx.now() - Date.parse(entry.deleted_time);
  if (entry.type === 'recycle' && age < RECYCLE_DAYS * DAY_MS) return 'recycle';
  return age < (RECYCLE_DAYS + PERMANENT_DAYS) * DAY_MS ? 'permanent' : undefined;
}

function renderDeleted(ctx: EmulatorContext, entry: DeletedRecord): Record<string, unknown> {
  const user = (id: string) => {
    const u = ctx.userById(id);
    return { name: u ? ctx.userRef(u).name : null, id };
  };
  return {
    deleted_by: user(entry.deleted_by),
    id: entry.id,
    display_name: entry.display_name,
    type: entry.type,
    created_by: user(entry.created_by),
    deleted_time: entry.deleted_time,
  };
}
