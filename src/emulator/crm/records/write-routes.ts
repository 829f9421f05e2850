import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { ID_PATTERN } from '../../ids';
import type { ModuleDef, UserDef } from '../../state/types';
import { isPlainObject } from '../body';
import { moduleScope } from '../module-scopes';
import { batchReply } from '../batch-reply';
import { requireIdsParam } from '../ids-param';
import { crmRoute } from '../route';
import { ApiErrors, ItemResult } from '../zoho-error';
import { ItemErrors } from '../item-errors';
import { deleteRecord, insertRecord, updateRecord } from './write';
import { MAX_WRITE_RECORDS, readWriteBody, writableModule, writeCost } from './write-request';

/** Insert, update and delete: `POST|PUT|DELETE /{module}` and `PUT|DELETE /{module}/{id}` (docs/zoho-v2-notes.md §5.3–5.6). */
export function registerInsertUpdateDeleteRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'POST',
    url: '/:module',
    scopes: ({ params }) => moduleScope(ctx, params.module, 'CREATE'),
    cost: ({ request }) => writeCost(request),
    handler: ({ params, request, user }) => {
      const module = writableModule(ctx, params.module, 'create');
      const { items } = readWriteBody(request, module);
      const results = items.map((item, index) => insertRecord(ctx, module, item, user, index).result);
      return batchReply(ctx, results, 201);
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/:module',
    scopes: ({ params }) => moduleScope(ctx, params.module, 'UPDATE'),
    cost: ({ request }) => writeCost(request),
    handler: ({ params, request, user }) => {
      const module = writableModule(ctx, params.module, 'edit');
      const { items } = readWriteBody(request, module);
      const results = items.map((item, index) => updateItem(ctx, module, item, user, index));
      return batchReply(ctx, results, 200);
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/:module/:id',
    scopes: ({ params }) => moduleScope(ctx, params.module, 'UPDATE'),
    handler: ({ params, request, user }) => {
      const module = writableModule(ctx, params.module, 'edit');
      if (!ID_PATTERN.test(params.id)) throw ApiErrors.invalidId();
      // [I] One record per call: the path's id wins over an id in the body, further items are ignored.
      const { items } = readWriteBody(request, module);
      return batchReply(ctx, [updateRecord(ctx, module, params.id, items[0], user).result], 200);
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: '/:module',
    scopes: ({ params }) => moduleScope(ctx, params.module, 'DELETE'),
    handler: ({ params, query, user }) => {
      const module = writableModule(ctx, params.module, 'delete');
      return batchReply(
        ctx,
        requireIdsParam(query, MAX_WRITE_RECORDS).map((id) => deleteItem(ctx, module, id, user)),
        200,
      );
    },
  });

  crmRoute(app, ctx, {
    method: 'DELETE',
    url: '/:module/:id',
    scopes: ({ params }) => moduleScope(ctx, params.module, 'DELETE'),
    handler: ({ params, user }) => {
      const module = writableModule(ctx, params.module, 'delete');
      if (!ID_PATTERN.test(params.id)) throw ApiErrors.invalidId();
      return batchReply(ctx, [deleteRecord(ctx, module, params.id, user)], 200);
    },
  });
}

/** One item of a bulk update: the record's `id` is mandatory and must be well formed. */
function updateItem(
  ctx: EmulatorContext,
  module: ModuleDef,
  item: unknown,
  user: UserDef,
  index: number,
): ItemResult {
  if (!isPlainObject(item)) return ItemErrors.notAnObject();
  const id = item.id;
  if (id === undefined || id === null) return ItemErrors.mandatory('id');
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return ItemErrors.invalidId(id);
  return updateRecord(ctx, module, id, item, user, index).result;
}

function deleteItem(ctx: EmulatorContext, module: ModuleDef, id: string, user: UserDef): ItemResult {
  return ID_PATTERN.test(id) ? deleteRecord(ctx, module, id, user) : ItemErrors.notDeleted(id);
}
