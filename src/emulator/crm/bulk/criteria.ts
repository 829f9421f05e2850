import type { FieldDef, ModuleDef, StoredRecord } from '../../state/types';
import { isDate, parseDateTime } from '../../time';
import { isPlainObject } from '../body';
import { BulkErrors } from './errors';

/**
 * Bulk Read criteria (wire spec §7.1): `{api_name, comparator, value}` conditions combined by
 * `{group_operator, group:[...]}`, validated against the module's fields and compiled into a plain-JSON
 * tree (kept on the job) that `matchesCriteria` evaluates against stored records.
 */
export const COMPARATORS = [
  'equal',
  'not_equal',
  'in',
  'not_in',
  'less_than',
  'less_equal',
  'greater_than',
  'greater_equal',
  'contains',
  'not_contains',
  'starts_with',
  'ends_with',
  'between',
  'not_between',
] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** `value: "${EMPTY}"` with `equal` / `not_equal` tests for an empty field. */
export const EMPTY_VALUE = '${EMPTY}';
/** [I] Zoho caps bulk read criteria at 25 conditions. */
export const MAX_CONDITIONS = 25;

type Kind = 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'lookup' | 'multi';
type Operand = string | number | boolean;

export type CompiledCriteria =
  | { field: string; kind: Kind; comparator: Comparator; empty: true }
  | { field: string; kind: Kind; comparator: Comparator; empty?: false; value: Operand | Operand[] }
  | { operator: 'and' | 'or'; group: CompiledCriteria[] };

const ORDERED: Comparator[] = [
  'equal',
  'not_equal',
  'in',
  'not_in',
  'less_than',
  'less_equal',
  'greater_than',
  'greater_equal',
  'between',
  'not_between',
];
const ALLOWED: Record<Kind, readonly Comparator[]> = {
  text: ['equal', 'not_equal', 'in', 'not_in', 'contains', 'not_contains', 'starts_with', 'ends_with'],
  number: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
  boolean: ['equal', 'not_equal'],
  lookup: ['equal', 'not_equal', 'in', 'not_in'],
  multi: ['equal', 'not_equal', 'in', 'not_in', 'contains', 'not_contains'],
};
const NEGATED = new Set<Comparator>(['not_equal', 'not_in', 'not_contains', 'not_between']);
const LIST_OPERAND = new Set<Comparator>(['in', 'not_in']);
const RANGE_OPERAND = new Set<Comparator>(['between', 'not_between']);

function kindOf(def: FieldDef): Kind {
  switch (def.data_type) {
    case 'integer':
    case 'bigint':
    case 'long':
    case 'double':
    case 'currency':
    case 'percent':
    case 'decimal':
      return 'number';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'boolean':
      return 'boolean';
    case 'lookup':
    case 'ownerlookup':
    case 'userlookup':
      return 'lookup';
    case 'multiselectpicklist':
      return 'multi';
    default:
      return 'text';
  }
}

/** Validates raw criteria against `module` and compiles them; throws Zoho's INVALID_DATA with a json_path. */
export function compileCriteria(
  module: ModuleDef,
  raw: unknown,
  path = '$.query.criteria',
): CompiledCriteria {
  let conditions = 0;
  const compile = (node: unknown, at: string): CompiledCriteria => {
    if (!isPlainObject(node)) throw BulkErrors.invalid(at, 'criteria', { expected_data_type: 'jsonobject' });
    if (node.group !== undefined || node.group_operator !== undefined) return compileGroup(node, at);
    if (++conditions > MAX_CONDITIONS) throw BulkErrors.limit(at, 'criteria', MAX_CONDITIONS);
    return compileCondition(module, node, at);
  };
  const compileGroup = (node: Record<string, unknown>, at: string): CompiledCriteria => {
    const operator = typeof node.group_operator === 'string' ? node.group_operator.toLowerCase() : undefined;
    if (operator !== 'and' && operator !== 'or')
      throw BulkErrors.invalid(`${at}.group_operator`, 'group_operator');
    if (!Array.isArray(node.group) || node.group.length === 0)
      throw BulkErrors.invalid(`${at}.group`, 'group', { expected_data_type: 'jsonarray' });
    return { operator, group: node.group.map((child, i) => compile(child, `${at}.group[${i}]`)) };
  };
  return compile(raw, path);
}

function compileCondition(module: ModuleDef, node: Record<string, unknown>, at: string): CompiledCriteria {
  const name = node.api_name;
  if (typeof name !== 'string' || name.length === 0) throw BulkErrors.missing(`${at}.api_name`, 'api_name');
  const kind = name.toLowerCase() === 'id' ? 'lookup' : fieldKind(module, name);
  if (kind === undefined) throw BulkErrors.invalid(`${at}.api_name`, name);
  const field =
    name.toLowerCase() === 'id'
      ? 'id'
      : module.fields.find((f) => f.api_name.toLowerCase() === name.toLowerCase())!.api_name;
  const comparator = node.comparator;
  if (typeof comparator !== 'string' || !(COMPARATORS as readonly string[]).includes(comparator)) {
    throw BulkErrors.invalid(`${at}.comparator`, 'comparator');
  }
  const cmp = comparator as Comparator;
  const raw = node.value;
  if (raw === EMPTY_VALUE) {
    if (cmp !== 'equal' && cmp !== 'not_equal') throw BulkErrors.invalid(`${at}.comparator`, 'comparator');
    return { field, kind, comparator: cmp, empty: true };
  }
  if (!ALLOWED[kind].includes(cmp)) throw BulkErrors.invalid(`${at}.comparator`, 'comparator');
  const bad = () => BulkErrors.invalid(`${at}.value`, field);
  if (LIST_OPERAND.has(cmp) || RANGE_OPERAND.has(cmp)) {
    if (!Array.isArray(raw) || raw.length === 0 || (RANGE_OPERAND.has(cmp) && raw.length !== 2)) throw bad();
    const values = raw.map((v) => operand(kind, v) ?? failWith(bad));
    return { field, kind, comparator: cmp, value: values };
  }
  const value = operand(kind, raw);
  if (value === undefined) throw bad();
  return { field, kind, comparator: cmp, value };
}

function failWith(error: () => Error): never {
  throw error();
}

function fieldKind(module: ModuleDef, name: string): Kind | undefined {
  const def = module.fields.find((f) => f.api_name.toLowerCase() === name.toLowerCase());
  return def ? kindOf(def) : undefined;
}

/** A criteria value in comparable form, or `undefined` when it does not suit the field's type. */
function operand(kind: Kind, value: unknown): Operand | undefined {
  switch (kind) {
    case 'number': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'date':
      return typeof value === 'string' && isDate(value) ? value : undefined;
    case 'datetime':
      return typeof value === 'string' ? parseDateTime(value) : undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return value === 'true' ? true : value === 'false' ? false : undefined;
    case 'lookup':
      return typeof value === 'string' && /^\d+$/.test(value)
        ? value
        : typeof value === 'number'
          ? String(value)
          : undefined;
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value).toLowerCase() : undefined;
  }
}

/** A stored value in the same comparable form as `operand` (multi-select values become a list). */
function comparable(kind: Kind, value: unknown): Operand[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.flatMap((v) => comparable(kind, v));
  switch (kind) {
    case 'number':
      return Number.isFinite(Number(value)) ? [Number(value)] : [];
    case 'datetime': {
      const ms = typeof value === 'string' ? Date.parse(value) : NaN;
      return Number.isNaN(ms) ? [] : [ms];
    }
    case 'boolean':
      return typeof value === 'boolean' ? [value] : [];
    case 'lookup': {
      const id = typeof value === 'object' ? (value as { id?: unknown }).id : value;
      return id === undefined || id === null ? [] : [String(id)];
    }
    case 'date':
      return [String(value)];
    default:
      return [String(value).toLowerCase()];
  }
}

/** True when the stored record satisfies the compiled criteria. */
export function matchesCriteria(criteria: CompiledCriteria, record: StoredRecord): boolean {
  if ('operator' in criteria) {
    return criteria.operator === 'and'
      ? criteria.group.every((c) => matchesCriteria(c, record))
      : criteria.group.some((c) => matchesCriteria(c, record));
  }
  const values = comparable(criteria.kind, record[criteria.field]);
  if (criteria.empty) return (values.length === 0) === (criteria.comparator === 'equal');
  // [I] Negated comparators match records whose field is empty ("not Advertisement" includes no source).
  const negated = NEGATED.has(criteria.comparator);
  if (values.length === 0) return negated;
  const hit = values.some((v) => positiveMatch(criteria.comparator, v, criteria.value));
  return negated ? !hit : hit;
}

function positiveMatch(comparator: Comparator, actual: Operand, expected: Operand | Operand[]): boolean {
  const list = Array.isArray(expected) ? expected : [expected];
  const [first, second] = list;
  switch (comparator) {
    case 'equal':
    case 'not_equal':
    case 'in':
    case 'not_in':
      return list.some((e) => e === actual);
    case 'contains':
    case 'not_contains':
      return String(actual).includes(String(first));
    case 'starts_with':
      return String(actual).startsWith(String(first));
    case 'ends_with':
      return String(actual).endsWith(String(first));
    case 'less_than':
      return actual < first;
    case 'less_equal':
      return actual <= first;
    case 'greater_than':
      return actual > first;
    case 'greater_equal':
      return actual >= first;
    case 'between':
    case 'not_between':
      return actual >= first && actual <= second;
  }
}
