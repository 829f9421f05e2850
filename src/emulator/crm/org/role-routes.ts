import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import type { RoleDef } from '../../state/types';
import { crmRoute } from '../route';
import { settingsScope } from '../module-scopes';
import { itemById } from '../metadata/metadata-params';

/** `GET /settings/roles` and `GET /settings/roles/{id}` (docs/zoho-v2-notes.md §6, §6.3). */
export function registerRoleRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/roles',
    scopes: () => settingsScope('roles', 'READ'),
    handler: () => ({ roles: ctx.state.roles.map((r) => renderRole(ctx, r)) }),
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/roles/:id',
    scopes: () => settingsScope('roles', 'READ'),
    handler: ({ params }) => ({ roles: [renderRole(ctx, itemById(ctx.state.roles, params.id))] }),
  });
}

/** A role with its superior as `reporting_to: {name, id}` (null at the top of the hierarchy). */
function renderRole(ctx: EmulatorContext, role: RoleDef): Record<string, unknown> {
  const superior = ctx.state.roles.find((r) => r.id === role.reporting_to);
  return {
    id: role.id,
    name: role.name,
    display_label: role.display_label,
    description: role.description ?? null,
    reporting_to: superior ? { name: superior.name, id: superior.id } : null,
    forecast_manager: null,
    admin_user: role.admin_user ?? false,
    share_with_peers: role.share_with_peers ?? false,
  };
}
