import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { SEED_TIME } from '../../data/org';
import { familyState } from '../family-state';
import { settingsScope } from '../module-scopes';
import { userNameRef } from '../metadata/render-module';
import { crmRoute, NO_CONTENT } from '../route';

/** A territory as stored; users are referenced by id. */
interface TerritoryDef {
  id: string;
  name: string;
  description: string | null;
  parent_id: string | null;
  manager: string | null;
  created_by: string;
  modified_by: string;
}

/**
 * `GET /settings/territories` and `GET /settings/territories/{id}`, the territory reads the official Node SDK 2.0
 * makes (`core/com/zoho/crm/api/territories/territories_operations.js`; keys from its `territories/territory.js`).
 * [I] The org has territory management on with only its root territory, named after the company and managed by
 * the admin; an unknown id answers 204, as the v2 reads of single settings items do.
 */
export function registerTerritoryRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const territories = () =>
    familyState(ctx, 'territories', () => {
      const admin = ctx.adminUser().id;
      const root: TerritoryDef = {
        id: ctx.newId(),
        name: ctx.state.org.company_name,
        description: null,
        parent_id: null,
        manager: admin,
        created_by: admin,
        modified_by: admin,
      };
      return { list: [root] };
    }).list;

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/territories',
    scopes: () => settingsScope('territories', 'READ'),
    handler: () => ({ territories: territories().map((t) => renderTerritory(ctx, t)) }),
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/territories/:id',
    scopes: () => settingsScope('territories', 'READ'),
    handler: ({ params }) => {
      const territory = territories().find((t) => t.id === params.id);
      return territory ? { territories: [renderTerritory(ctx, territory)] } : NO_CONTENT;
    },
  });
}

function renderTerritory(ctx: EmulatorContext, territory: TerritoryDef): Record<string, unknown> {
  return {
    id: territory.id,
    name: territory.name,
    description: territory.description,
    parent_id: territory.parent_id,
    criteria: null,
    manager: userNameRef(ctx, territory.manager),
    created_by: userNameRef(ctx, territory.created_by),
    created_time: SEED_TIME,
    modified_by: userNameRef(ctx, territory.modified_by),
    modified_time: SEED_TIME,
  };
}
