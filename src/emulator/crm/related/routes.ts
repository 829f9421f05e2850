import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { isPlainObject, pageOf, paging, readItems, readJson } from '../body';
import { moduleScope } from '../module-scopes';
import { ifModifiedSince, modifiedAfter, sortRecords } from '../records/read-routes';
import { batchReply } from '../batch-reply';
import { crmRoute, CrmResult, NO_CONTENT } from '../route';
import type { RelatedListDef } from '../../state/types';
import { ApiErrors, ItemResult } from '../zoho-error';
import { requireIdsParam } from '../ids-param';
import { ParentRef, requireParent, requireRelatedList } from './parent';
import { relatedRows } from './related-rows';
import { addRelation, removeRelation } from './relations';

/**
 * `/{module}/{id}/{related_list}[/{related_id}]` (docs/zoho-v2-notes.md §5.12). The static `Notes`, `Attachments` and
 * `photo` routes win over these in fastify's router; other spellings of those lists still list here.
 */
export function registerRelatedRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const list = '/:module/:id/:relatedList';
  const one = `${list}/:relatedId`;
  const resolve = (params: Record<string, string>): { parent: ParentRef; rl: RelatedListDef } => {
    const module = ctx.module(params.module);
    const rl = requireRelatedList(module, params.relatedList);
    return { parent: requireParent(ctx, module.api_name, params.id), rl };
  };
  /** Only many-to-many and lookup lists relate records; notes and attachments have their own endpoints. */
  const resolveWritable = (params: Record<string, string>) => {
    const resolved = resolve(params);
    // [I] Writing through the generic path to a notes/attachments list is refused as a wrong method.
    if (resolved.rl.kind !== 'link' && resolved.rl.kind !== 'lookup') throw ApiErrors.invalidMethod();
    return resolved;
  };
  const written = (results: ItemResult[]): CrmResult => batchReply(ctx, results, 200);

  crmRoute(app, ctx, {
    method: 'GET',
    url: list,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'READ'),
    handler: ({ params, query, request }) => {
      const { parent, rl } = resolve(params);
      const { page, perPage } = paging(query);
      let rows = relatedRows(ctx, parent, rl);
      const since = ifModifiedSince(request.headers['if-modified-since']);
      if (since !== undefined) {
        rows = rows.filter((row) => modifiedAfter(row.record, since));
        if (rows.length === 0) return { status: 304 };
      }
      const byRecord = new Map(rows.map((row) => [row.record, row]));
      const sorted = sortRecords([...byRecord.keys()], query.sort_by, query.sort_order).map((record) =>
        byRecord.get(record)!,
      );
      const result = pageOf(sorted, page, perPage);
      if (!result) return NO_CONTENT;
      return { data: result.data.map((row) => row.render()), info: result.info };
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: one,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'READ'),
    handler: ({ params }) => {
      const { parent, rl } = resolve(params);
      const row = relatedRows(ctx, parent, rl).find((r) => r.record.id === params.relatedId);
      // [I] A record that is not on the list answers 204, as an empty related list does.
      return row ? { data: [row.render()] } : NO_CONTENT;
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: list,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'UPDATE'),
    handler: ({ params, request, user }) => {
      const { parent, rl } = resolveWritable(params);
      return written(
        readItems(request).items.map((item, index) => addRelation(ctx, parent, rl, item, user, index)),
      );
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: one,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'UPDATE'),
    handler: ({ params, request, user }) => {
      const { parent, rl } = resolveWritable(params);
      // The body is optional here: `{"data":[{relation fields}]}`, `{}` or nothing at all.
      const body = readJson(request);
      const data =
        isPlainObject(body) && Array.isArray(body.data) && isPlainObject(body.data[0]) ? body.data[0] : {};
      return written([addRelation(ctx, parent, rl, { ...data, id: params.relatedId }, user, 0)]);
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: list,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'DELETE'),
    handler: ({ params, query, user }) => {
      const { parent, rl } = resolveWritable(params);
      return written(
        requireIdsParam(query).map((id, index) => removeRelation(ctx, parent, rl, id, user, index)),
      );
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: one,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'DELETE'),
    handler: ({ params, user }) => {
      const { parent, rl } = resolveWritable(params);
      return written([removeRelation(ctx, parent, rl, params.relatedId, user, 0)]);
    },
  });
}
