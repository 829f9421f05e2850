import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { crmRoute, NO_CONTENT } from '../route';
import { settingsScope } from '../module-scopes';
import { ApiErrors } from '../zoho-error';
import { itemById, moduleParam } from './metadata-params';
import { renderField } from './render-field';

/** `GET /settings/fields?module=` and `GET /settings/fields/{id}?module=` (docs/zoho-v2-notes.md §6, §6.2). */
export function registerFieldRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/fields',
    scopes: () => settingsScope('fields', 'READ'),
    handler: ({ query }) => {
      const module = moduleParam(ctx, query);
      if (query.type !== undefined) {
        if (query.type !== 'unused') throw ApiErrors.invalidData({ param: 'type' });
        // [I] `type=unused` lists fields placed in no layout; every field sits in the Standard layout, so none.
        return NO_CONTENT;
      }
      return { fields: module.fields.map((f, i) => renderField(ctx, module, f, i)) };
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/fields/:id',
    scopes: () => settingsScope('fields', 'READ'),
    handler: ({ params, query }) => {
      const module = moduleParam(ctx, query);
      const field = itemById(module.fields, params.id);
      return { fields: [renderField(ctx, module, field, module.fields.indexOf(field))] };
    },
  });
}
