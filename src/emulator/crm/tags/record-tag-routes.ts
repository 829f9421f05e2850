import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import type { ModuleDef, StoredRecord, UserDef } from '../../state/types';
import { csv } from '../body';
import { moduleScope } from '../module-scopes';
import { batchReply, batchStatus } from '../batch-reply';
import { requireIdsParam } from '../ids-param';
import { requireParent } from '../related/parent';
import { crmRoute } from '../route';
import type { Operation } from '../scopes';
import { ItemErrors } from '../item-errors';
import { ApiErrors, ItemResult } from '../zoho-error';
import { addTags, removeTags } from './record-tags';

/** [I] Ids per multi-record tag call (docs/zoho-v2-notes.md §5.13). */
const MAX_IDS = 500;
/** Multi-record tagging costs 1 credit per 50 records (docs/zoho-v2-notes.md §4.1). */
const RECORDS_PER_CREDIT = 50;

type TagAction = (
  module: ModuleDef,
  record: StoredRecord,
  names: string[],
  overwrite: boolean,
  user: UserDef,
) => ItemResult;

/** `POST /{module}[/{id}]/actions/add_tags|remove_tags?tag_names=…` (docs/zoho-v2-notes.md §5.13). */
export function registerRecordTagRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const actions: Array<[string, Operation, TagAction]> = [
    [
      'add_tags',
      'CREATE',
      (module, record, names, overwrite, user) => addTags(ctx, module, record, names, overwrite, user),
    ],
    ['remove_tags', 'UPDATE', (_module, record, names) => removeTags(record, names)],
  ];
  for (const [action, operation, apply] of actions) {
    crmRoute(app, ctx, {
      method: 'POST',
      url: `/:module/:id/actions/${action}`,
      scopes: ({ params }) => moduleScope(ctx, params.module, operation),
      handler: ({ params, query, user }) => {
        const { module, record } = requireParent(ctx, params.module, params.id);
        const result = apply(module, record, tagNames(query), query.over_write === 'true', user);
        return batchReply(ctx, [result], 200);
      },
    });

    crmRoute(app, ctx, {
      method: 'POST',
      url: `/:module/actions/${action}`,
      scopes: ({ params }) => moduleScope(ctx, params.module, operation),
      cost: ({ query }) => Math.max(1, Math.ceil(csv(query.ids).length / RECORDS_PER_CREDIT)),
      handler: ({ params, query, user }) => {
        const module = ctx.module(params.module);
        const ids = requireIdsParam(query, MAX_IDS);
        const names = tagNames(query);
        const overwrite = query.over_write === 'true';
        const results = ids.map((id) => {
          const record = ctx.recordById(module.api_name, id);
          return record ? apply(module, record, names, overwrite, user) : ItemErrors.invalidId(id);
        });
        const successes = results.filter((r) => r.status === 'success').length;
        return {
          status: batchStatus(ctx, results, 200),
          body: { data: results, wf_scheduler: false, success_count: String(successes), locked_count: 0 },
        };
      },
    });
  }
}

function tagNames(query: Record<string, string | undefined>): string[] {
  const names = csv(query.tag_names);
  if (names.length === 0) throw ApiErrors.requiredParamMissing('tag_names');
  return names;
}
