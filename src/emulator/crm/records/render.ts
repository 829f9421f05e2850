import type { EmulatorContext } from '../../context';
import type { FieldDef, ModuleDef, StoredRecord } from '../../state/types';

/**
 * Turns a stored record into Zoho's output JSON: lookups become `{name, id}` (users also carry `email`)
 * resolved at read time, so a renamed account shows its new name everywhere, as in Zoho.
 */
export function renderRecord(
  ctx: EmulatorContext,
  module: ModuleDef,
  record: StoredRecord,
  fields?: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const wanted = fields && fields.length > 0 ? new Set(fields.map((f) => f.toLowerCase())) : undefined;
  for (const [key, value] of Object.entries(record)) {
    // `fields=` narrows the output; id and `$` properties always come back, as in Zoho.
    if (wanted && key !== 'id' && !key.startsWith('$') && !wanted.has(key.toLowerCase())) continue;
    const def = fieldDef(module, key);
    out[key] = def ? renderValue(ctx, def, value, record) : value;
  }
  return out;
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
      const target = def.lookup_module === '$se_module' ? (record['$se_module'] as string | undefined) : def.lookup_module;
      return renderLookup(ctx, target, value);
    }
    default:
      return value;
  }
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  return undefined;
}

export function renderUser(ctx: EmulatorContext, value: unknown): unknown {
  const id = idOf(value);
  const user = id === undefined ? undefined : ctx.userById(id);
  return user ? ctx.userRef(user) : value;
}

/** `{name, id}` of a record in `moduleName`; the name comes from the module's display field. */
export function renderLookup(ctx: EmulatorContext, moduleName: string | undefined, value: unknown): unknown {
  const id = idOf(value);
  if (id === undefined) return value;
  const module = moduleName ? ctx.findModule(moduleName) : undefined;
  const target = module ? ctx.state.records[module.api_name]?.[id] : undefined;
  return { name: target ? displayName(module!, target) : null, id };
}

export function displayName(module: ModuleDef, record: StoredRecord): string | null {
  const value = record[module.display_field];
  return typeof value === 'string' ? value : value === undefined || value === null ? null : String(value);
}
