import type { EmulatorContext } from '../../context';
import type { ModuleDef } from '../../state/types';
import { moduleExtras } from './metadata-state';
import type { CustomViewDef } from './system-views';

/** `info.translation`: the view categories' labels, which the Python SDK turns into `ZCRMCustomViewCategory`s. */
export const VIEW_CATEGORIES = {
  public_views: 'Public Views',
  other_users_views: "Other Users' Views",
  shared_with_me: 'Shared With Me',
  created_by_me: 'Created By Me',
};

/** A custom view as listed; `full` adds what only the single-view GET (and module metadata) carries. */
export function renderCustomView(
  ctx: EmulatorContext,
  module: ModuleDef,
  cv: CustomViewDef,
  full: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: cv.id,
    name: cv.name,
    display_value: cv.name,
    system_name: cv.system_name,
    default: moduleExtras(ctx, module).default_custom_view === cv.id,
    system_defined: true,
    // [I] System views are public; none is a favourite until a user marks it.
    category: 'public_views',
    offline: true,
    favorite: null,
  };
  if (!full) return out;
  return {
    ...out,
    fields: cv.fields,
    sort_by: cv.sort_by,
    sort_order: cv.sort_order,
    criteria: cv.criteria,
    shared_type: null,
    shared_details: null,
  };
}
