import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { crmRoute } from '../route';
import { settingsScope } from '../module-scopes';
import { ApiErrors } from '../zoho-error';
import { moduleExtras } from './metadata-state';
import { moduleParam } from './metadata-params';
import { renderLayout } from './render-layout';

/** `GET /settings/layouts?module=` and `GET /settings/layouts/{id}?module=` (docs/zoho-v2-notes.md §6, §6.3). */
export function registerLayoutRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/layouts',
    scopes: () => settingsScope('layouts', 'READ'),
    handler: ({ query }) => ({ layouts: [renderLayout(ctx, moduleParam(ctx, query))] }),
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/layouts/:id',
    scopes: () => settingsScope('layouts', 'READ'),
    handler: ({ params, query }) => {
      const module = moduleParam(ctx, query);
      if (moduleExtras(ctx, module).layout_id !== params.id) throw ApiErrors.invalidId(params.id);
      return { layouts: [renderLayout(ctx, module)] };
    },
  });
}
