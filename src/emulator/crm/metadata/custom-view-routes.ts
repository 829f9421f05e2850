import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import type { ModuleDef } from '../../state/types';
import { isPlainObject, pageOf, paging } from '../body';
import { crmRoute, NO_CONTENT } from '../route';
import { settingsScope } from '../module-scopes';
import { writeEachItem } from '../batch-reply';
import { itemSuccess, ItemResult } from '../zoho-error';
import { moduleExtras } from './metadata-state';
import { itemById, moduleParam } from './metadata-params';
import { renderCustomView, VIEW_CATEGORIES } from './render-custom-view';
import type { CustomViewDef } from './system-views';
import { ItemErrors } from '../item-errors';

/** `GET /settings/custom_views[/{id}]?module=` and `PUT /settings/custom_views/{id}?module=` (docs/zoho-v2-notes.md §6, §6.3). */
export function registerCustomViewRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/custom_views',
    scopes: () => settingsScope('custom_views', 'READ'),
    handler: ({ query }) => {
      const module = moduleParam(ctx, query);
      const { page, perPage } = paging(query);
      const extras = moduleExtras(ctx, module);
      const result = pageOf(extras.custom_views, page, perPage);
      if (!result) return NO_CONTENT;
      return {
        custom_views: result.data.map((cv) => renderCustomView(ctx, module, cv, false)),
        info: { ...result.info, default: extras.default_custom_view, translation: VIEW_CATEGORIES },
      };
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/custom_views/:id',
    scopes: () => settingsScope('custom_views', 'READ'),
    handler: ({ params, query }) => {
      const module = moduleParam(ctx, query);
      const cv = itemById(moduleExtras(ctx, module).custom_views, params.id);
      // The Python SDK reads `info.translation` on the single-view response too.
      return {
        custom_views: [renderCustomView(ctx, module, cv, true)],
        info: { translation: VIEW_CATEGORIES },
      };
    },
  });

  crmRoute(app, ctx, {
    method: 'PUT',
    url: '/settings/custom_views/:id',
    scopes: () => settingsScope('custom_views', 'UPDATE'),
    handler: ({ params, query, request }) => {
      const module = moduleParam(ctx, query);
      const cv = itemById(moduleExtras(ctx, module).custom_views, params.id);
      return writeEachItem(ctx, request, 'custom_views', 1, 200, (item) => updateViewSort(module, cv, item));
    },
  });
}

/** Changes a view's `sort_by`/`sort_order` (the settings the Python SDK's `update_customview` sends), all or nothing. */
function updateViewSort(module: ModuleDef, cv: CustomViewDef, input: unknown): ItemResult {
  if (!isPlainObject(input)) return ItemErrors.notAnObject();
  const { sort_by = cv.sort_by, sort_order = cv.sort_order } = input;
  if (sort_by !== null && !module.fields.some((f) => f.api_name === sort_by)) {
    return ItemErrors.invalid('sort_by');
  }
  if (sort_order !== null && sort_order !== 'asc' && sort_order !== 'desc') {
    return ItemErrors.invalid('sort_order');
  }
  cv.sort_by = sort_by as string | null;
  cv.sort_order = sort_order;
  // [I] Zoho's success message for a view update is not documented.
  return itemSuccess('custom view updated successfully', { id: cv.id });
}
