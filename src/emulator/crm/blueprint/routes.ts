import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { idOf } from '../records/field-values';
import { isPlainObject, readItems } from '../body';
import { moduleScope } from '../module-scopes';
import { updateRecord } from '../records/write';
import { ParentRef, requireParent } from '../related/parent';
import { crmRoute } from '../route';
import { ApiErrors, asRequestError, ZohoApiError } from '../zoho-error';
import { processFor } from './processes';
import { renderBlueprint } from './render';

/** `GET|PUT /{module}/{id}/actions/blueprint` (docs/zoho-v2-notes.md §5.19; seed ZCRMBlueprint). */
export function registerBlueprintRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const url = '/:module/:id/actions/blueprint';

  crmRoute(app, ctx, {
    method: 'GET',
    url,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'READ'),
    handler: ({ params }) => {
      const parent = requireParent(ctx, params.module, params.id);
      const { process, transitions } = requireProcess(parent);
      return renderBlueprint(parent.module, parent.record, process, transitions);
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url,
    scopes: ({ params }) => moduleScope(ctx, params.module, 'UPDATE'),
    handler: ({ params, request, user }) => {
      const parent = requireParent(ctx, params.module, params.id);
      const { process, transitions } = requireProcess(parent);
      // [I] One transition per call.
      const [item] = readItems(request, 'blueprint', 1).items;
      const transitionId = isPlainObject(item) ? idOf(item.transition_id) : undefined;
      if (transitionId === undefined) throw ApiErrors.mandatoryNotFound({ api_name: 'transition_id' });
      const transition = transitions.find((t) => t.id === transitionId);
      // [I] A transition that is unknown or not open from the record's current state.
      if (!transition) throw ApiErrors.invalidData({ api_name: 'transition_id' });
      const data = isPlainObject(item) && isPlainObject(item.data) ? item.data : {};
      const missing = transition.fields.find(
        (api) => data[api] === undefined || data[api] === null || data[api] === '',
      );
      if (missing !== undefined) throw ApiErrors.mandatoryNotFound({ api_name: missing });
      // [I] Only the transition's own fields are taken from `data` (check lists and the like are not stored).
      const changes = Object.fromEntries(transition.fields.map((api) => [api, data[api]]));
      const outcome = updateRecord(
        ctx,
        parent.module,
        parent.record.id,
        { ...changes, [process.field]: transition.to },
        user,
      );
      if (outcome.result.status === 'error') throw asRequestError(outcome.result);
      // [I] The v2 success envelope of Update Blueprint.
      return { code: 'SUCCESS', details: {}, message: 'transition updated successfully', status: 'success' };
    },
  });
}

function requireProcess(parent: ParentRef): NonNullable<ReturnType<typeof processFor>> {
  const found = processFor(parent.module.api_name, parent.record);
  // [I] Records of modules without a blueprint, or past its last transition, are not in a process.
  if (!found) throw new ZohoApiError(400, 'RECORD_NOT_IN_PROCESS', 'record not in process');
  return found;
}
