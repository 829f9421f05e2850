import type { EmulatorContext } from '../../context';
import type { ModuleDef, RelatedListDef, StoredRecord } from '../../state/types';
import { idOf } from '../records/field-values';
import { ApiErrors } from '../zoho-error';

/** The record a sub-resource URL (`/{module}/{id}/...`) hangs off. */
export interface ParentRef {
  module: ModuleDef;
  record: StoredRecord;
}

/**
 * Resolves `/{module}/{id}`: the module must exist, carry a related list of `kind` when one is asked for,
 * and the id must name a stored record.
 */
export function requireParent(
  ctx: EmulatorContext,
  moduleName: string,
  id: string,
  kind?: RelatedListDef['kind'],
): ParentRef {
  const module = ctx.module(moduleName);
  if (kind !== undefined && !module.related_lists?.some((rl) => rl.kind === kind)) throw invalidRelation();
  const record = ctx.recordById(module.api_name, id);
  // [I] Zoho answers an unknown parent record like a bad record id, naming the id.
  if (!record) throw ApiErrors.invalidId(id);
  return { module, record };
}

/** A module's related list by API name, matched case-insensitively as Zoho resolves path segments. */
export function requireRelatedList(module: ModuleDef, name: string): RelatedListDef {
  const lower = name.toLowerCase();
  const found = module.related_lists?.find((rl) => rl.api_name.toLowerCase() === lower);
  if (!found) throw invalidRelation();
  return found;
}

/** Zoho's error for a related list name the module does not have. */
export function invalidRelation() {
  return ApiErrors.invalidData({}, 'The relation name given seems to be invalid');
}

/** True when a note or attachment (`Parent_Id` + `$se_module`) belongs to `parent`. */
export function isChildOf(child: StoredRecord, parent: ParentRef): boolean {
  return idOf(child.Parent_Id) === parent.record.id && child.$se_module === parent.module.api_name;
}
