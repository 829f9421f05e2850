import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { ID_PATTERN } from '../../ids';
import type { ModuleDef, StoredRecord } from '../../state/types';
import { isPlainObject, readItems } from '../body';
import { moduleScope } from '../module-scopes';
import { compileJsonCriteria, RecordFilter } from '../query/json-criteria';
import { batchReply } from '../batch-reply';
import { crmRoute } from '../route';
import type { Operation } from '../scopes';
import { ApiErrors, itemSuccess, ZohoApiError } from '../zoho-error';
import { ItemErrors } from '../item-errors';
import { recordsState } from './records-state';
import { updateRecord } from './write';
import { writableModule } from './write-request';

/** Most ids one synchronous mass update may name. */
const MAX_IDS = 500;

/**
 * `POST /{module}/actions/mass_update` and its status, `GET …?job_id=` (docs/zoho-v2-notes.md §5.10). With `ids` the
 * update runs at once and answers per record; with `cvid`, `territory` or `criteria` it is a job, which the
 * emulator runs when scheduling it, so its status already reads COMPLETED.
 */
export function registerMassUpdateRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  // Mass update has its own scope group: ZohoCRM.mass_update[.{module}].{UPDATE|READ}.
  const scopes = (module: string, operation: Operation) =>
    moduleScope(ctx, module, operation).map((req) => ({ ...req, group: 'ZohoCRM.mass_update' }));

  crmRoute(app, ctx, {
    method: 'POST',
    url: '/:module/actions/mass_update',
    scopes: ({ params }) => scopes(params.module, 'UPDATE'),
    heavy: true,
    handler: ({ params, request, user }) => {
      const module = writableModule(ctx, params.module, 'edit');
      const { body, items } = readItems(request, 'data', 1);
      const fields = items[0];
      if (!isPlainObject(fields))
        throw ApiErrors.invalidData({ api_name: 'data', expected_data_type: 'jsonobject' });
      const update = (record: StoredRecord) =>
        updateRecord(
          ctx,
          module,
          record.id,
          withAppendedValues(module, record, fields, body.over_write === true),
          user,
        ).result;
      if (body.ids !== undefined && body.ids !== null) {
        const results = readIds(body.ids).map((id) => {
          const record = ctx.recordById(module.api_name, id);
          return record ? update(record) : ItemErrors.invalidId(id);
        });
        return batchReply(ctx, results, 200);
      }
      const filter = jobFilter(module, body);
      const results = Object.values(ctx.recordsOf(module.api_name)).filter(filter).map(update);
      const updated = results.filter((r) => r.status === 'success').length;
      const jobId = ctx.newId();
      recordsState(ctx).massUpdateJobs[jobId] = {
        module: module.api_name,
        Status: 'COMPLETED',
        Failed_Count: results.length - updated,
        Updated_Count: updated,
        Not_Updated_Count: 0,
        Total_Count: results.length,
      };
      // Zoho schedules the job and answers 200 (zoho/crm-oas `mass_update.json` documents only 200 and 400).
      return {
        status: 200,
        body: { data: [itemSuccess('mass update scheduled successfully', { job_id: jobId })] },
      };
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/:module/actions/mass_update',
    scopes: ({ params }) => scopes(params.module, 'READ'),
    handler: ({ params, query }) => {
      const module = ctx.module(params.module);
      if (!query.job_id)
        throw new ZohoApiError(400, 'MANDATORY_NOT_FOUND', 'mandatory param missing', {
          param_name: 'job_id',
        });
      const { module: jobModule, ...status } = recordsState(ctx).massUpdateJobs[query.job_id] ?? {};
      // [I] As documented for later versions: an unknown job answers 404 NOT_FOUND.
      if (jobModule !== module.api_name) throw new ZohoApiError(404, 'NOT_FOUND', 'Empty response');
      return { data: [status] };
    },
  });
}

function readIds(ids: unknown): string[] {
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw ApiErrors.invalidData({ api_name: 'ids', expected_data_type: 'jsonarray' });
  }
  if (ids.length === 0) throw ApiErrors.mandatoryNotFound({ api_name: 'ids' });
  if (ids.length > MAX_IDS) throw ApiErrors.limitExceeded({ api_name: 'ids', limit: MAX_IDS });
  return ids;
}

/**
 * The records a scheduled job updates: those matching `criteria`. [I] The emulator has no territories and
 * its custom views show every record, so `cvid` and `territory` alone select the whole module.
 */
function jobFilter(module: ModuleDef, body: Record<string, unknown>): RecordFilter {
  if (body.criteria !== undefined && body.criteria !== null)
    return compileJsonCriteria(module, body.criteria, '$.criteria');
  if (body.cvid === undefined && body.territory === undefined)
    throw ApiErrors.mandatoryNotFound({ api_name: 'ids' });
  if (body.cvid !== undefined && (typeof body.cvid !== 'string' || !ID_PATTERN.test(body.cvid)))
    throw ApiErrors.invalidData({ api_name: 'cvid' });
  return () => true;
}

/** Without `over_write: true`, multi-select values are added to the record's current ones. */
function withAppendedValues(
  module: ModuleDef,
  record: StoredRecord,
  fields: Record<string, unknown>,
  overWrite: boolean,
): Record<string, unknown> {
  if (overWrite) return fields;
  const input = { ...fields };
  for (const def of module.fields) {
    const current = record[def.api_name];
    const added = input[def.api_name];
    if (def.data_type === 'multiselectpicklist' && Array.isArray(current) && Array.isArray(added)) {
      input[def.api_name] = [...(current as unknown[]), ...(added as unknown[])];
    }
  }
  return input;
}
