import type { ModuleDef, StoredRecord } from '../../state/types';
import { isPlainObject } from '../body';
import { ApiErrors } from '../zoho-error';
import { sameValue } from './duplicates';
import { idOf } from './field-values';
import { fieldDef } from './render';

/** A compiled record filter. */
export type RecordFilter = (record: StoredRecord) => boolean;

type Comparator = (actual: unknown, expected: unknown) => boolean;

/**
 * The JSON criteria of mass update and bulk read (wire spec §5.10):
 * `{"field":{"api_name":"Lead_Source"} | "Lead_Source", "comparator":"equal", "value":…}` or
 * `{"group_operator":"and|or", "group":[…]}`; a top-level array means all of its entries.
 * Compiling checks field names and comparators up front, so a bad filter fails before any record changes.
 */
export function compileCriteria(module: ModuleDef, criteria: unknown): RecordFilter {
  if (Array.isArray(criteria)) {
    const parts = criteria.map((c) => compileCriteria(module, c));
    return (record) => parts.every((part) => part(record));
  }
  if (!isPlainObject(criteria))
    throw ApiErrors.invalidData({ api_name: 'criteria', expected_data_type: 'jsonobject' });
  if (criteria.group !== undefined) {
    if (!Array.isArray(criteria.group) || criteria.group.length === 0)
      throw ApiErrors.invalidData({ api_name: 'group' });
    const operator = String(criteria.group_operator ?? 'and').toLowerCase();
    if (operator !== 'and' && operator !== 'or') throw ApiErrors.invalidData({ api_name: 'group_operator' });
    const parts = criteria.group.map((c) => compileCriteria(module, c));
    return operator === 'and'
      ? (record) => parts.every((p) => p(record))
      : (record) => parts.some((p) => p(record));
  }
  const field = criteria.field ?? criteria.api_name;
  const apiName = typeof field === 'string' ? field : isPlainObject(field) ? field.api_name : undefined;
  if (typeof apiName !== 'string' || !fieldDef(module, apiName))
    throw ApiErrors.invalidData({ api_name: apiName ?? 'field' });
  const name = String(criteria.comparator);
  const comparator = Object.hasOwn(COMPARATORS, name) ? COMPARATORS[name] : undefined;
  if (!comparator) throw ApiErrors.invalidData({ api_name: 'comparator' });
  const expected = criteria.value;
  return (record) => comparator(comparable(record[apiName]), expected);
}

/** Lookups compare by id. */
function comparable(value: unknown): unknown {
  return isPlainObject(value) ? idOf(value) : value;
}

function equals(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((v) => sameValue(v, expected));
  if (expected === '${EMPTY}') return actual === null || actual === undefined || actual === '';
  return sameValue(actual, expected);
}

/** Orders numbers numerically, date-times by instant, other strings as text. */
function order(actual: unknown, expected: unknown): number | undefined {
  if (typeof actual === 'number' && typeof expected === 'number') return actual - expected;
  if (typeof actual !== 'string' || typeof expected !== 'string') return undefined;
  const a = Date.parse(actual);
  const b = Date.parse(expected);
  if (!Number.isNaN(a) && !Number.isNaN(b) && /^\d{4}-\d{2}-\d{2}/.test(actual)) return a - b;
  return actual < expected ? -1 : actual > expected ? 1 : 0;
}

function text(predicate: (actual: string, expected: string) => boolean): Comparator {
  return (actual, expected) =>
    typeof actual === 'string' &&
    typeof expected === 'string' &&
    predicate(actual.toLowerCase(), expected.toLowerCase());
}

function ordered(predicate: (difference: number) => boolean): Comparator {
  return (actual, expected) => {
    const difference = order(actual, expected);
    return difference !== undefined && predicate(difference);
  };
}

function between(actual: unknown, expected: unknown): boolean {
  if (!Array.isArray(expected) || expected.length !== 2) return false;
  const low = order(actual, expected[0]);
  const high = order(actual, expected[1]);
  return low !== undefined && high !== undefined && low >= 0 && high <= 0;
}

const inList: Comparator = (actual, expected) =>
  Array.isArray(expected) && expected.some((v) => equals(actual, v));

const COMPARATORS: Record<string, Comparator> = {
  equal: equals,
  not_equal: (a, e) => !equals(a, e),
  in: inList,
  not_in: (a, e) => !inList(a, e),
  less_than: ordered((d) => d < 0),
  less_equal: ordered((d) => d <= 0),
  greater_than: ordered((d) => d > 0),
  greater_equal: ordered((d) => d >= 0),
  contains: text((a, e) => a.includes(e)),
  not_contains: (a, e) => !text((x, y) => x.includes(y))(a, e),
  starts_with: text((a, e) => a.startsWith(e)),
  ends_with: text((a, e) => a.endsWith(e)),
  between,
  not_between: (a, e) => !between(a, e),
};
