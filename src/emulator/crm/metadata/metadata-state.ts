import type { EmulatorContext } from '../../context';
import { familyState } from '../family-state';
import type { ModuleDef } from '../../state/types';
import { systemCustomViews, CustomViewDef } from './system-views';

/** Sort settings of a module's related lists (`related_list_properties`, set by `PUT /settings/modules`). */
export interface RelatedListProperties {
  sort_by: string | null;
  sort_order: 'asc' | 'desc' | null;
  fields: string[];
}

/** Per-module metadata the compact `ModuleDef` has no slot for: layout and view ids, settings changed over the API. */
export interface ModuleExtras {
  layout_id: string;
  custom_views: CustomViewDef[];
  default_custom_view: string;
  /** Profile permission ids for the module's records (the same ids in every profile, as in Zoho). */
  permission_ids: { view: string; create: string; edit: string; delete: string };
  related_list_properties: RelatedListProperties | null;
  /** User who last changed the module's settings. */
  modified_by: string | null;
}

/** `state.extra.metadata`: JSON-serialisable, saved with the rest of the state. */
export interface MetadataState {
  modules: Record<string, ModuleExtras>;
}

/** Builds a module's extras, taking ids from `nextId` (deterministic at seed time, `ctx.newId` afterwards). */
export function buildModuleExtras(module: ModuleDef, nextId: () => string): ModuleExtras {
  const layout_id = nextId();
  const custom_views = systemCustomViews(module, nextId);
  return {
    layout_id,
    custom_views,
    default_custom_view: custom_views[0].id,
    permission_ids: { view: nextId(), create: nextId(), edit: nextId(), delete: nextId() },
    related_list_properties: null,
    modified_by: null,
  };
}

/** The module's extras, created on first use for modules the seed did not know (e.g. a state file from an older emulator). */
export function moduleExtras(ctx: EmulatorContext, module: ModuleDef): ModuleExtras {
  const state = familyState<MetadataState>(ctx, 'metadata', () => ({ modules: {} }));
  return (state.modules[module.api_name] ??= buildModuleExtras(module, () => ctx.newId()));
}
