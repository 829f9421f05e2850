import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import type { ModuleDef, RelatedListDef } from '../../state/types';
import { crmRoute } from '../route';
import { settingsScope } from '../module-scopes';
import { itemById, moduleParam } from './metadata-params';

/** `GET /settings/related_lists?module=` and `GET /settings/related_lists/{id}?module=` (docs/zoho-v2-notes.md §6, §6.3). */
export function registerRelatedListRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/related_lists',
    scopes: () => settingsScope('related_lists', 'READ'),
    handler: ({ query }) => {
      const module = moduleParam(ctx, query);
      return { related_lists: (module.related_lists ?? []).map((rl, i) => renderRelatedList(module, rl, i)) };
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/related_lists/:id',
    scopes: () => settingsScope('related_lists', 'READ'),
    handler: ({ params, query }) => {
      const module = moduleParam(ctx, query);
      const lists = module.related_lists ?? [];
      const rl = itemById(lists, params.id);
      return { related_lists: [renderRelatedList(module, rl, lists.indexOf(rl))] };
    },
  });
}

/** A related list as Zoho describes it; `href` is the URL template of its records. */
function renderRelatedList(module: ModuleDef, rl: RelatedListDef, position: number): Record<string, unknown> {
  return {
    id: rl.id,
    api_name: rl.api_name,
    name: rl.api_name,
    display_label: rl.display_label,
    module: rl.module,
    // The official Node SDK models a related list's sequence number as a String (`@zohocrm/nodejs-sdk-2.0`
    // config/json_details.json, `related_lists/related_list`).
    sequence_number: String(position + 1),
    href: `${module.api_name}/{ENTITYID}/${rl.api_name}`,
    type: 'default',
    visible: true,
    action: null,
    connectedmodule: null,
    linkingmodule: null,
  };
}
