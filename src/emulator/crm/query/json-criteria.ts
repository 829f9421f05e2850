import type { ModuleDef, StoredRecord } from '../../state/types';
import { isPlainObject } from '../body';
import { JsonPathErrors } from '../json-path-errors';
import { BinaryOp, compare, Comparison, parseLiteral, Typed, typedStored } from './compare';
import { findField, kindOf, ValueKind } from './fields';

/**
 * Zoho's JSON criteria, one object for mass update (docs/zoho-v2-notes.md §5.10) and Bulk Read (§7.1): conditions
 * `{api_name, comparator, value}` combined by `{group_operator:"and"|"or", group:[…]}`. Values are typed and
 * compared by `compare.ts`, as search and COQL are, so every query surface agrees on every field type:
 * text compares case-insensitively and an unset checkbox reads as false.
 *
 * Compiling checks fields, comparators and values up front, so a bad filter fails before any work.
 * [I] Both APIs answer a bad criteria object alike: Zoho's INVALID_DATA (MANDATORY_NOT_FOUND for a missing
 * field name, LIMIT_EXCEEDED past 25 conditions) whose details name the offending key's `api_name` and its
 * `json_path` under `path` (`$.criteria` for mass update, `$.query.criteria` for Bulk Read).
 */

/** A compiled record filter. */
export type RecordFilter = (record: StoredRecord) => boolean;

/** Comparators that match values, that order them, and that match text. */
const MATCHING = ['equal', 'not_equal', 'in', 'not_in'] as const;
const RANGE = ['less_than', 'less_equal', 'greater_than', 'greater_equal', 'between', 'not_between'] as const;
const PATTERN = ['contains', 'not_contains', 'starts_with', 'ends_with'] as const;
const COMPARATORS = [...MATCHING, ...RANGE, ...PATTERN] as const;
type Comparator = (typeof COMPARATORS)[number];

/** `value: "${EMPTY}"` with `equal` / `not_equal` tests for an empty field ([I] other comparators reject it). */
const EMPTY_VALUE = '${EMPTY}';

/** [I] At most 25 conditions, as Zoho caps Bulk Read criteria; mass update shares the limit. */
const MAX_CONDITIONS = 25;

const ORDERED: readonly Comparator[] = [...MATCHING, ...RANGE];
const TEXT: readonly Comparator[] = [...MATCHING, ...PATTERN];

/**
 * [I] The comparators each field kind takes (both APIs reject others, e.g. `greater_than` on text). Fields
 * search and COQL cannot compare (subforms, line items, multi-select lookups …) take none.
 */
const ALLOWED: Record<ValueKind, readonly Comparator[]> = {
  text: TEXT,
  number: ORDERED,
  bigint: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
  boolean: ['equal', 'not_equal'],
  lookup: MATCHING,
  user: MATCHING,
  multiselect: [...MATCHING, 'contains', 'not_contains'],
  unsupported: [],
};

/**
 * The positive comparator each negated one inverts. [I] A negated comparator matches records whose field
 * is empty ("not Advertisement" includes leads with no source) — unlike search and COQL, where `!=` follows
 * SQL — so it is evaluated as the inverse of its positive form.
 */
const POSITIVE: Partial<Record<Comparator, Comparator>> = {
  not_equal: 'equal',
  not_in: 'in',
  not_contains: 'contains',
  not_between: 'between',
};

const BINARY: Partial<Record<Comparator, BinaryOp>> = {
  equal: 'eq',
  less_than: 'lt',
  less_equal: 'le',
  greater_than: 'gt',
  greater_equal: 'ge',
};

const ANCHORS = { contains: 'contains', starts_with: 'prefix', ends_with: 'suffix' } as const;

/**
 * Compiles JSON criteria for `module`. [I] A top-level array means all of its entries (mass update's SDK
 * sends a list); field names match case-insensitively, an exact match first.
 */
export function compileJsonCriteria(module: ModuleDef, raw: unknown, path: string): RecordFilter {
  let conditions = 0;
  const compile = (node: unknown, at: string): RecordFilter => {
    if (!isPlainObject(node))
      throw JsonPathErrors.invalid(at, 'criteria', { expected_data_type: 'jsonobject' });
    if (node.group !== undefined || node.group_operator !== undefined) return compileGroup(node, at);
    if (++conditions > MAX_CONDITIONS) throw JsonPathErrors.limit(at, 'criteria', MAX_CONDITIONS);
    return compileCondition(module, node, at);
  };
  // [I] `group_operator` is required beside `group`: no default operator.
  const compileGroup = (node: Record<string, unknown>, at: string): RecordFilter => {
    const operator = typeof node.group_operator === 'string' ? node.group_operator.toLowerCase() : undefined;
    if (operator !== 'and' && operator !== 'or')
      throw JsonPathErrors.invalid(`${at}.group_operator`, 'group_operator');
    if (!Array.isArray(node.group) || node.group.length === 0)
      throw JsonPathErrors.invalid(`${at}.group`, 'group', { expected_data_type: 'jsonarray' });
    return combine(
      operator,
      node.group.map((child, i) => compile(child, `${at}.group[${i}]`)),
    );
  };
  if (Array.isArray(raw))
    return combine(
      'and',
      raw.map((child, i) => compile(child, `${path}[${i}]`)),
    );
  return compile(raw, path);
}

function combine(operator: 'and' | 'or', parts: RecordFilter[]): RecordFilter {
  return operator === 'and' ? (r) => parts.every((p) => p(r)) : (r) => parts.some((p) => p(r));
}

/**
 * The field a condition names and where: `api_name` (Bulk Read v2) or `field` as a name or `{api_name}`
 * (mass update). [I] Both APIs accept every spelling.
 */
function fieldName(node: Record<string, unknown>, at: string): { name: unknown; at: string } {
  const field = node.field;
  if (field === undefined) return { name: node.api_name, at: `${at}.api_name` };
  if (isPlainObject(field)) return { name: field.api_name, at: `${at}.field.api_name` };
  return { name: field, at: `${at}.field` };
}

function compileCondition(module: ModuleDef, node: Record<string, unknown>, at: string): RecordFilter {
  const named = fieldName(node, at);
  if (typeof named.name !== 'string' || named.name.length === 0)
    throw JsonPathErrors.missing(named.at, 'api_name');
  const def = findField(module, named.name);
  const kind = def ? kindOf(def) : 'unsupported';
  if (!def || kind === 'unsupported') throw JsonPathErrors.invalid(named.at, named.name);
  const comparator = node.comparator;
  const badComparator = () => JsonPathErrors.invalid(`${at}.comparator`, 'comparator');
  if (!(COMPARATORS as readonly unknown[]).includes(comparator)) throw badComparator();
  const cmp = comparator as Comparator;
  const positive = POSITIVE[cmp] ?? cmp;
  let comparison: Comparison;
  if (node.value === EMPTY_VALUE) {
    if (positive !== 'equal') throw badComparator();
    comparison = { op: 'isNull' };
  } else {
    if (!ALLOWED[kind].includes(cmp)) throw badComparator();
    comparison = comparisonFor(kind, positive, node.value, () =>
      JsonPathErrors.invalid(`${at}.value`, def.api_name),
    );
  }
  const negated = positive !== cmp;
  return (record) => compare(typedStored(kind, record[def.api_name]), comparison) !== negated;
}

/** The `compare.ts` form of a positive comparator and its JSON value; `bad` when the value does not fit. */
function comparisonFor(
  kind: ValueKind,
  comparator: Comparator,
  value: unknown,
  bad: () => Error,
): Comparison {
  const typed = (v: unknown): Typed => literal(kind, v) ?? fail(bad);
  switch (comparator) {
    case 'in':
      if (!Array.isArray(value) || value.length === 0) throw bad();
      return { op: 'in', values: value.map(typed) };
    case 'between':
      if (!Array.isArray(value) || value.length !== 2) throw bad();
      return { op: 'between', low: typed(value[0]), high: typed(value[1]) };
    case 'contains':
    case 'starts_with':
    case 'ends_with':
      if (typeof value !== 'string' && typeof value !== 'number') throw bad();
      return { op: 'like', pattern: { text: String(value).toLowerCase(), anchor: ANCHORS[comparator] } };
    default:
      return { op: BINARY[comparator]!, value: typed(value) };
  }
}

/**
 * A JSON criteria value typed for the field's kind, or `undefined` when it does not fit. [I] Lookups match
 * by id only; a multi-select value may be `"A;B"` or `["A","B"]` and `equal` means exactly those options.
 */
function literal(kind: ValueKind, value: unknown): Typed | undefined {
  if (kind === 'multiselect' && Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return parseLiteral(kind, value.join(';'));
  if (typeof value === 'string') return parseLiteral(kind, value);
  if (typeof value === 'number') return parseLiteral(kind, String(value));
  return typeof value === 'boolean' && kind === 'boolean' ? value : undefined;
}

function fail(error: () => Error): never {
  throw error();
}
