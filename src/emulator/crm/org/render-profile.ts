import type { EmulatorContext } from '../../context';
import type { ProfileDef } from '../../state/types';
import { GENERAL_PERMISSIONS, SEED_TIME } from '../../data/org';
import { moduleExtras } from '../metadata/metadata-state';
import { userNameRef } from '../metadata/render-module';

const MODULE_OPERATIONS = [
  ['view', 'View'],
  ['create', 'Create'],
  ['edit', 'Edit'],
  ['delete', 'Delete'],
] as const;

/**
 * A profile as `GET /settings/profiles[/{id}]` returns it (docs/zoho-v2-notes.md §6.3; the keys the Python SDK's
 * `get_zcrm_profile` reads). `full` adds `permissions_details` and `sections`, which only the single-profile GET carries.
 * [I] Every profile may view, create, edit and delete records of every module; only administrators hold the
 * general permissions.
 */
export function renderProfile(
  ctx: EmulatorContext,
  profile: ProfileDef,
  full: boolean,
): Record<string, unknown> {
  const admin = userNameRef(ctx, ctx.adminUser().id);
  const out: Record<string, unknown> = {
    id: profile.id,
    name: profile.name,
    display_label: profile.display_label ?? profile.name,
    description: profile.description ?? null,
    default: profile.default ?? false,
    category: profile.category ?? false,
    created_time: SEED_TIME,
    modified_time: SEED_TIME,
    created_by: admin,
    modified_by: admin,
  };
  if (!full) return out;
  const isAdministrator = profile.name === 'Administrator';
  const modules = ctx.state.modules.filter((m) => m.api_supported !== false);
  const modulePermissions = modules.flatMap((m) => {
    const ids = moduleExtras(ctx, m).permission_ids;
    return MODULE_OPERATIONS.map(([op, label]) => ({
      id: ids[op],
      name: `Crm_Implied_${label}_${m.api_name}`,
      display_label: label,
      module: m.api_name,
      enabled: true,
    }));
  });
  const general = GENERAL_PERMISSIONS.map((p) => ({ ...p, module: null, enabled: isAdministrator }));
  return {
    ...out,
    permissions_details: [...modulePermissions, ...general],
    sections: [
      {
        name: 'modules',
        categories: modules.map((m) => ({
          name: m.api_name,
          display_label: m.plural_label,
          module: m.api_name,
          permissions_details: Object.values(moduleExtras(ctx, m).permission_ids),
        })),
      },
      {
        name: 'general',
        categories: [
          {
            name: 'admin_permissions',
            display_label: 'Administrative Permissions',
            permissions_details: general.map((p) => p.id),
          },
        ],
      },
    ],
  };
}
