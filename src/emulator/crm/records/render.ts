import type { EmulatorContext } from '../../context';
import type { FieldDef, ModuleDef, StoredRecord } from '../../state/types';
import { CHILD_MODULES } from './dependents';
import { idOf } from './field-values';
import { renderLineItems } from './inventory';

/**
 * Turns a stored record into Zoho's output JSON: lookups become `{name, id}` (users also carry `email`)
 * resolved at read time, so a renamed account shows its new name everywhere, as in Zoho; the `$` properties
 * Zoho adds to every record (docs/zoho-v2-notes.md §5.1) are filled in where the record does not store its own.
 */
export function renderRecord(
  ctx: EmulatorContext,
  module: ModuleDef,
  record: StoredRecord,
  fields?: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const wanted = fields && fields.length > 0 ? new Set(fields.map((f) => f.toLowerCase())) : undefined;
  const { defs, fieldKeys } = renderPlan(module);
  const extras = recordProperties(ctx, module);
  const emit = (key: string, value: unknown) => {
    // `fields=` narrows the output; id and `$` properties always come back, as in Zoho.
    if (wanted && key !== 'id' && !key.startsWith('$') && !wanted.has(key.toLowerCase())) return;
    const def = defs.get(key);
    out[key] = def ? renderValue(ctx, def, value, record) : value;
  };
  // Keys and values as `{ ...each field: null, ...extras, ...record }` would give, without building those
  // objects: this is the hot path of every record read.
  const isFieldKey = (key: string) => fieldKeys.length > 0 && defs.has(key);
  for (const key of fieldKeys) {
    emit(key, hasOwn(record, key) ? record[key] : hasOwn(extras, key) ? extras[key] : null);
  }
  for (const key of Object.keys(extras)) {
    if (!isFieldKey(key)) emit(key, hasOwn(record, key) ? record[key] : extras[key]);
  }
  for (const key of Object.keys(record)) if (!isFieldKey(key) && !hasOwn(extras, key)) emit(key, record[key]);
  return out;
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Per module: its fields by API name (first wins, as `fieldDef`) and the field keys every record shows. */
interface RenderPlan {
  fields: FieldDef[];
  count: number;
  defs: Map<string, FieldDef>;
  fieldKeys: string[];
}
const plans = new WeakMap<ModuleDef, RenderPlan>();

/** The module's render plan, rebuilt whenever its field list is replaced or grows. */
function renderPlan(module: ModuleDef): RenderPlan {
  const cached = plans.get(module);
  if (cached && cached.fields === module.fields && cached.count === module.fields.length) return cached;
  const defs = new Map<string, FieldDef>();
  for (const f of module.fields) if (!defs.has(f.api_name)) defs.set(f.api_name, f);
  // Notes and attachments show only their stored keys and two `$` properties (see recordProperties).
  const fieldKeys = CHILD_MODULES.includes(module.api_name) ? [] : [...defs.keys()];
  const plan = { fields: module.fields, count: module.fields.length, defs, fieldKeys };
  plans.set(module, plan);
  return plan;
}

/**
 * What every record shows besides its stored values: each field of the module (`null` when empty, as Zoho
 * prints them; `renderRecord` adds those) and the `$` properties of a record that has no approval, blueprint
 * or review running. Notes and attachments only carry `$editable` and `$state` of these (their own keys come
 * from their family).
 */
function recordProperties(ctx: EmulatorContext, module: ModuleDef): Record<string, unknown> {
  if (CHILD_MODULES.includes(module.api_name)) return { $editable: true, $state: 'save' };
  return {
    $currency_symbol: ctx.state.org.currency_symbol,
    $state: 'save',
    $process_flow: false,
    $approved: true,
    $approval: { delegate: false, approve: false, reject: false, resubmit: false },
    $editable: true,
    $review_process: { approve: false, reject: false, resubmit: false },
    $review: null,
    ...(module.convertable ? { $converted: false, $converted_detail: {} } : {}),
    ...(module.photo ? { $photo_id: null } : {}),
    ...(fieldDef(module, 'Tag') ? { Tag: [] } : {}),
  };
}

export function fieldDef(module: ModuleDef, apiName: string): FieldDef | undefined {
  return module.fields.find((f) => f.api_name === apiName);
}

function renderValue(ctx: EmulatorContext, def: FieldDef, value: unknown, record: StoredRecord): unknown {
  if (value === null || value === undefined) return null;
  switch (def.data_type) {
    case 'ownerlookup':
    case 'userlookup':
      return renderUser(ctx, value);
    case 'lookup': {
      const target =
        def.lookup_module === '$se_module' ? (record['$se_module'] as string | undefined) : def.lookup_module;
      return renderLookup(ctx, target, value);
    }
    case 'lineitem':
      return renderLineItems(ctx, value);
    default:
      return value;
  }
}

export function renderUser(ctx: EmulatorContext, value: unknown): unknown {
  const id = idOf(value);
  const user = id === undefined ? undefined : ctx.userById(id);
  return user ? ctx.userRef(user) : value;
}

/**
 * `{name, id}` of a record in `moduleName`; the name comes from the module's display field.
 * [I] A lookup to a record that no longer exists reads as empty, as Zoho clears lookups to deleted records.
 */
export function renderLookup(ctx: EmulatorContext, moduleName: string | undefined, value: unknown): unknown {
  const id = idOf(value);
  if (id === undefined) return value;
  const module = moduleName ? ctx.findModule(moduleName) : undefined;
  if (!module) return { name: null, id };
  const target = ctx.state.records[module.api_name]?.[id];
  return target ? { name: displayName(module, target), id } : null;
}

export function displayName(module: ModuleDef, record: StoredRecord): string | null {
  const value = record[module.display_field];
  return typeof value === 'string' ? value : value === undefined || value === null ? null : String(value);
}
