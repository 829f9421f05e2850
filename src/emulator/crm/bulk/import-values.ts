import type { EmulatorContext } from '../../context';
import type { FieldDef } from '../../state/types';
import { cellText } from './export';

/** How one CSV column (or default) feeds one field: the `field_mappings` entry of a bulk write resource. */
export interface FieldMapping {
  api_name: string;
  index?: number;
  /** Date pattern of the column (`MM/dd/yyyy` …); the value is rewritten to Zoho's `yyyy-MM-dd`. */
  format?: string;
  /** For lookups: the target module's field the cell holds (`id` by default; `email` for users). */
  find_by?: string;
  default_value?: { value: unknown };
}

/** A converted cell: the wire value, or the Zoho error code the row fails with. */
export type CellResult = { value: unknown } | { error: string };

/**
 * Converts a CSV cell to the field's wire form. Text that does not fit the type (`abc` for an integer)
 * passes through unchanged, so the shared write path rejects it with the same error as the records API.
 */
export function cellValue(
  ctx: EmulatorContext,
  def: FieldDef | undefined,
  mapping: FieldMapping,
  raw: string,
): CellResult {
  switch (def?.data_type) {
    case 'integer':
      return { value: /^[-+]?\d+$/.test(raw) ? Number(raw) : raw };
    case 'double':
    case 'currency':
    case 'percent':
    case 'decimal': {
      const n = Number(raw);
      return { value: raw.trim() !== '' && Number.isFinite(n) ? n : raw };
    }
    case 'boolean': {
      const lower = raw.toLowerCase();
      return { value: lower === 'true' ? true : lower === 'false' ? false : raw };
    }
    case 'multiselectpicklist':
      return {
        value: raw
          .split(';')
          .map((v) => v.trim())
          .filter((v) => v.length > 0),
      };
    case 'date':
      return { value: mapping.format ? reformatDate(raw, mapping.format) : raw };
    case 'ownerlookup':
    case 'userlookup':
      return userRef(ctx, mapping, raw);
    case 'lookup':
      return lookupRef(ctx, def.lookup_module, mapping, raw);
    default:
      return { value: raw };
  }
}

function userRef(ctx: EmulatorContext, mapping: FieldMapping, raw: string): CellResult {
  if (mapping.find_by?.toLowerCase() !== 'email') return { value: { id: raw } };
  const user = ctx.userByEmail(raw);
  return user ? { value: { id: user.id } } : { error: 'INVALID_DATA' };
}

/** `{id}` of the lookup target; with `find_by` the record whose field equals the cell (case-insensitive). */
function lookupRef(
  ctx: EmulatorContext,
  target: string | undefined,
  mapping: FieldMapping,
  raw: string,
): CellResult {
  const by = mapping.find_by;
  if (by === undefined || by.toLowerCase() === 'id') return { value: { id: raw } };
  const module = target ? ctx.findModule(target) : undefined;
  if (!module) return { error: 'INVALID_DATA' };
  const wanted = raw.toLowerCase();
  const match = Object.values(ctx.recordsOf(module.api_name)).find(
    (r) => cellText(r[by]).toLowerCase() === wanted,
  );
  return match ? { value: { id: match.id } } : { error: 'INVALID_DATA' };
}

/** Rewrites a date written in `format` (tokens `yyyy`, `MM`, `M`, `dd`, `d`) as `yyyy-MM-dd`; unchanged when it does not match. */
export function reformatDate(raw: string, format: string): string {
  const order: string[] = [];
  const pattern = format.replace(/yyyy|MM|M|dd|d|[.*+?^${}()|[\]\\]/g, (token) => {
    if (token === 'yyyy') return (order.push('y'), '(\\d{4})');
    if (token === 'MM' || token === 'M') return (order.push('m'), '(\\d{1,2})');
    if (token === 'dd' || token === 'd') return (order.push('d'), '(\\d{1,2})');
    return '\\' + token;
  });
  const match = new RegExp(`^${pattern}$`).exec(raw.trim());
  if (!match || order.length !== 3) return raw;
  const part = (key: string) => match[order.indexOf(key) + 1];
  return `${part('y')}-${part('m').padStart(2, '0')}-${part('d').padStart(2, '0')}`;
}
