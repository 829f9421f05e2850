import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import type { ModuleDef, StoredRecord, UserDef } from '../../state/types';
import { isPlainObject } from '../body';
import { moduleScope } from '../module-scopes';
import { batchReply } from '../batch-reply';
import { crmRoute } from '../route';
import type { ItemResult } from '../zoho-error';
import { findByValue } from './duplicates';
import { ItemErrors } from '../item-errors';
import { insertRecord, updateRecord } from './write';
import { readWriteBody, writableModule, writeCost } from './write-request';

/** `POST /{module}/upsert` (docs/zoho-v2-notes.md §5.5): update the record matching a duplicate-check field, else insert. */
export function registerUpsertRoute(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'POST',
    url: '/:module/upsert',
    // Zoho documents ALL, WRITE or CREATE for upsert; CREATE is covered by the other two.
    scopes: ({ params }) => moduleScope(ctx, params.module, 'CREATE'),
    cost: ({ request }) => writeCost(request),
    handler: ({ params, request, user }) => {
      const module = writableModule(ctx, params.module, 'create');
      const { items, duplicateFields } = readWriteBody(request, module);
      const results = items.map((item, index) => upsertItem(ctx, module, item, duplicateFields, user, index));
      return batchReply(ctx, results, 200);
    },
  });
}

/**
 * One upsert item. [I] An item carrying an `id` updates that record (the Python SDK sends ids it knows);
 * otherwise the first duplicate-check field whose value matches a record decides the update.
 */
function upsertItem(
  ctx: EmulatorContext,
  module: ModuleDef,
  item: unknown,
  fields: string[],
  user: UserDef,
  index: number,
): ItemResult {
  if (!isPlainObject(item)) return ItemErrors.notAnObject();
  let target: StoredRecord | undefined;
  let duplicateField: string | null = null;
  if (item.id !== undefined && item.id !== null) {
    target = ctx.recordById(module.api_name, item.id);
    if (!target) return ItemErrors.invalidId(item.id);
  } else {
    for (const field of fields) {
      target = findByValue(ctx, module, field, item[field]);
      if (target) {
        duplicateField = field;
        break;
      }
    }
  }
  const outcome = target
    ? updateRecord(ctx, module, target.id, item, user, index)
    : insertRecord(ctx, module, item, user, index);
  if (outcome.result.status !== 'success') return outcome.result;
  const { code, details, message, status } = outcome.result;
  return {
    code,
    duplicate_field: duplicateField,
    action: target ? 'update' : 'insert',
    details,
    message,
    status,
  };
}
