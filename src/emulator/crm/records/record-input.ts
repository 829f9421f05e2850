import type { EmulatorContext } from '../../context';
import type { FieldDef, ModuleDef, StoredRecord } from '../../state/types';
import { isPlainObject } from '../body';
import { isEmpty, lookup, normaliseValue } from './field-values';
import { normaliseLineItems, normaliseTaxes } from './inventory';
import { ItemErrors } from '../item-errors';
import { fail } from './item-failure';
import { normaliseParticipants } from './participants';
import { normalisePricingDetails } from './pricing-details';
import { fieldDef } from './render';

export type WriteMode = 'insert' | 'update';

/** Data types whose values Zoho computes; input for them is ignored like any read-only field. */
const COMPUTED_TYPES = new Set(['autonumber', 'formula', 'rollup_summary']);

/** Fields holding rows that get their own ids when the record is stored. */
export const ROW_TYPES = new Set(['lineitem', 'pricing_details', 'subform']);

/**
 * Turns one input record into the validated field values to store (wire form), or throws the item's error.
 * Unknown API names are ignored ([I] as Zoho does), so are read-only fields and `$` keys other than the
 * writable `$approved` (insert only), `$se_module` and `$line_tax` (docs/zoho-v2-notes.md §8).
 */
export function buildPatch(
  ctx: EmulatorContext,
  module: ModuleDef,
  raw: Record<string, unknown>,
  mode: WriteMode,
  existing?: StoredRecord,
): Record<string, unknown> {
  // Notes samples spell the parent module `se_module`; the SDK models it as `$se_module`.
  const input =
    raw.se_module !== undefined && raw.$se_module === undefined ? { ...raw, $se_module: raw.se_module } : raw;
  checkMandatory(module, input, mode);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'id') continue;
    if (key.startsWith('$')) {
      writeMetaKey(ctx, module, key, value, mode, patch);
      continue;
    }
    const def = fieldDef(module, key);
    if (!def || def.read_only || COMPUTED_TYPES.has(def.data_type) || def.lookup_module === '$se_module')
      continue;
    // A null owner keeps the current one (on insert: the calling user).
    if (def.data_type === 'ownerlookup' && key === 'Owner' && isEmpty(value)) continue;
    patch[key] = isEmpty(value) ? null : structuredValue(ctx, module, def, value, existing?.[key]);
  }
  writeParentLookups(ctx, module, input, patch, existing);
  return patch;
}

function checkMandatory(module: ModuleDef, input: Record<string, unknown>, mode: WriteMode): void {
  for (const def of module.fields) {
    if (!def.system_mandatory || def.read_only) continue;
    if (mode === 'update' && !(def.api_name in input)) continue;
    if (isEmpty(input[def.api_name])) fail(ItemErrors.mandatory(def.api_name));
  }
}

function structuredValue(
  ctx: EmulatorContext,
  module: ModuleDef,
  def: FieldDef,
  value: unknown,
  previous: unknown,
): unknown {
  if (def.data_type === 'lineitem') return normaliseLineItems(ctx, def, value, previous);
  if (def.data_type === 'pricing_details') return normalisePricingDetails(def, value, previous);
  if (def.data_type === 'subform') return subformRows(def, value);
  if (module.api_name === 'Events' && def.api_name === 'Participants')
    return normaliseParticipants(ctx, def, value);
  return normaliseValue(ctx, def, value);
}

/** Subform rows are kept as sent; [I] v7's `{"id":…,"_delete":null}` drops a row. */
function subformRows(def: FieldDef, value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value) || !value.every(isPlainObject))
    fail(ItemErrors.invalidType(def.api_name, 'jsonarray'));
  return value.filter((row) => !('_delete' in row)).map((row) => ({ ...row }));
}

function writeMetaKey(
  ctx: EmulatorContext,
  module: ModuleDef,
  key: string,
  value: unknown,
  mode: WriteMode,
  patch: Record<string, unknown>,
): void {
  if (key === '$approved' && mode === 'insert') {
    if (typeof value !== 'boolean') fail(ItemErrors.invalidType(key, 'boolean'));
    patch.$approved = value;
  } else if (key === '$line_tax' && fieldDef(module, key)) {
    patch.$line_tax = normaliseTaxes(ctx, key, value);
  } else if (key === '$se_module' && parentLookups(module).length > 0) {
    if (isEmpty(value)) patch.$se_module = null;
    else {
      const target = typeof value === 'string' ? ctx.findModule(value) : undefined;
      if (!target) fail(ItemErrors.invalid(key));
      patch.$se_module = target.api_name;
    }
  }
}

/** Lookups whose target module is named by the record's `$se_module` (What_Id, Parent_Id). */
function parentLookups(module: ModuleDef): FieldDef[] {
  return module.fields.filter((f) => f.lookup_module === '$se_module' && !f.read_only);
}

/**
 * `What_Id` / `Parent_Id` + `$se_module` (docs/zoho-v2-notes.md §5.18): the parent must be a record of that module,
 * and the module is mandatory once a parent is given. Clearing the parent clears the module.
 */
function writeParentLookups(
  ctx: EmulatorContext,
  module: ModuleDef,
  input: Record<string, unknown>,
  patch: Record<string, unknown>,
  existing: StoredRecord | undefined,
): void {
  const seModule = ('$se_module' in patch ? patch.$se_module : existing?.$se_module) as
    string | null | undefined;
  for (const def of parentLookups(module)) {
    const given = def.api_name in input;
    const value = given ? input[def.api_name] : existing?.[def.api_name];
    if (isEmpty(value)) {
      if (given) {
        patch[def.api_name] = null;
        patch.$se_module = null;
      }
      continue;
    }
    if (!given && !('$se_module' in patch)) continue;
    if (!seModule) fail(ItemErrors.mandatory('$se_module'));
    patch[def.api_name] = lookup(ctx, def, seModule, value);
  }
}
