import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { crmRoute } from '../route';
import { settingsScope } from '../module-scopes';
import { writeEachItem } from '../batch-reply';
import { ifModifiedSince } from '../records/read-routes';
import { moduleByNameOrId } from './metadata-params';
import { renderModuleDetail, renderModuleSummary } from './render-module';
import { updateModuleSettings } from './module-settings';

/** `GET /settings/modules`, `GET /settings/modules/{api_name}` and `PUT /settings/modules/{api_name or id}` (docs/zoho-v2-notes.md §6). */
export function registerModuleRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/modules',
    scopes: () => settingsScope('modules', 'READ'),
    handler: ({ request }) => {
      let modules = ctx.state.modules;
      const since = ifModifiedSince(request.headers['if-modified-since']);
      if (since !== undefined) {
        // Only modules whose settings changed after the given time come back; none → 304.
        modules = modules.filter(
          (m) => typeof m.modified_time === 'string' && Date.parse(m.modified_time) > since,
        );
        if (modules.length === 0) return { status: 304 };
      }
      return { modules: modules.map((m) => renderModuleSummary(ctx, m)) };
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/modules/:module',
    scopes: () => settingsScope('modules', 'READ'),
    handler: ({ params }) => ({ modules: [renderModuleDetail(ctx, moduleByNameOrId(ctx, params.module))] }),
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/settings/modules/:module',
    scopes: () => settingsScope('modules', 'UPDATE'),
    handler: ({ params, request, user }) => {
      const module = moduleByNameOrId(ctx, params.module);
      return writeEachItem(ctx, request, 'modules', 1, 200, (item) =>
        updateModuleSettings(ctx, module, item, user),
      );
    },
  });
}
