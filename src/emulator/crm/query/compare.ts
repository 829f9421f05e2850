import { isDate, parseDateTime } from '../../time';
import { idOf } from '../records/field-values';
import type { ValueKind } from './fields';

/**
 * Value typing and comparison shared by search criteria and COQL: both turn a stored value and a literal
 * into a `Typed` value of the field's kind and compare those, so the two languages agree on every type.
 */

/** A lookup or user value: its id plus the lower-cased names it may also be matched by. */
export interface Ref {
  id: string;
  names: string[];
}

/**
 * A comparable value: text is lower-cased ([I] Zoho compares text case-insensitively), date-times are epoch
 * milliseconds, dates `yyyy-MM-dd` strings, multi-select values a sorted list of lower-cased options.
 */
export type Typed = string | number | bigint | boolean | readonly string[] | Ref;

/** How a text pattern is anchored: `like 'a%'` / `starts_with` is a prefix, `like '%a%'` a substring … */
export interface TextPattern {
  text: string;
  anchor: 'exact' | 'prefix' | 'suffix' | 'contains';
}

/** Comparisons of a field against one literal. */
export type BinaryOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** One comparison of a field against literals, in a form both query languages compile to. */
export type Comparison =
  | { op: BinaryOp; value: Typed }
  | { op: 'between' | 'notBetween'; low: Typed; high: Typed }
  | { op: 'in' | 'notIn'; values: Typed[] }
  | { op: 'like' | 'notLike'; pattern: TextPattern }
  | { op: 'isNull' | 'isNotNull' };

const NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;
const INTEGER = /^-?\d+$/;

/** Splits a multi-select value written as `'A;B'` (COQL and criteria both use this form). */
function options(values: readonly string[]): string[] {
  return values
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v.length > 0)
    .sort();
}

/**
 * Types a literal written as text (a criteria value, a COQL string or number) under a field's kind;
 * `undefined` when the text is not a value of that kind. Lookup literals match the id only unless
 * `matchNames` is set (search matches lookups by id or by name).
 */
export function parseLiteral(kind: ValueKind, text: string, matchNames = false): Typed | undefined {
  switch (kind) {
    case 'text':
      return text.toLowerCase();
    case 'number':
      return NUMBER.test(text) ? Number(text) : undefined;
    case 'bigint':
      return INTEGER.test(text) ? BigInt(text) : undefined;
    case 'date':
      return isDate(text) ? text : undefined;
    case 'datetime':
      return parseDateTime(text);
    case 'boolean': {
      const lower = text.toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : undefined;
    }
    case 'lookup':
    case 'user':
      if (matchNames) return { id: text, names: [text.toLowerCase()] };
      return INTEGER.test(text) ? { id: text, names: [] } : undefined;
    case 'multiselect':
      return options(text.split(';'));
    case 'unsupported':
      return undefined;
  }
}

/**
 * Types a stored value under its field's kind; `null` when empty. `namesOf` supplies the names a lookup
 * id is also known by (the target's display name, a user's name and email).
 */
export function typedStored(
  kind: ValueKind,
  value: unknown,
  namesOf: (id: string) => string[] = () => [],
): Typed | null {
  if (kind === 'boolean') {
    // [I] A boolean never set reads as false, as Zoho stores unchecked boxes.
    if (value === undefined || value === null) return false;
    return typeof value === 'boolean' ? value : null;
  }
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'text':
      return typeof value === 'string' || typeof value === 'number' ? String(value).toLowerCase() : null;
    case 'number':
      return typeof value === 'number'
        ? value
        : typeof value === 'string' && NUMBER.test(value)
          ? Number(value)
          : null;
    case 'bigint':
      return (typeof value === 'string' || typeof value === 'number') && INTEGER.test(String(value))
        ? BigInt(value)
        : null;
    case 'date':
      return typeof value === 'string' ? value.slice(0, 10) : null;
    case 'datetime':
      return typeof value === 'string' ? (parseDateTime(value) ?? null) : null;
    case 'lookup':
    case 'user': {
      const id = idOf(value);
      return id === undefined ? null : { id, names: namesOf(id).map((n) => n.toLowerCase()) };
    }
    case 'multiselect':
      if (Array.isArray(value)) return options(value.map(String));
      return typeof value === 'string' ? options(value.split(';')) : null;
    case 'unsupported':
      return null;
  }
}

function isRef(value: Typed): value is Ref {
  return typeof value === 'object' && !Array.isArray(value);
}

/** A value as one scalar: multi-select values as `a;b`, lookups by their numeric id. */
function scalarOf(value: Typed): string | number | bigint | boolean {
  if (isRef(value)) return INTEGER.test(value.id) ? BigInt(value.id) : value.id;
  if (typeof value === 'object') return value.join(';');
  return value;
}

/** The text a pattern is matched against: multi-select values as `a;b`, lookups by name. */
function textOf(value: Typed): string {
  if (isRef(value)) return value.names[0] ?? value.id;
  return String(scalarOf(value));
}

function same(a: Typed, b: Typed): boolean {
  if (isRef(a) && isRef(b)) return a.id === b.id || b.names.some((n) => a.names.includes(n));
  return scalarOf(a) === scalarOf(b);
}

/** Orders two typed values of one kind; ids order numerically. */
function orderTyped(a: Typed, b: Typed): number {
  const x = scalarOf(a);
  const y = scalarOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Orders for sorting: [I] empty values come first in ascending order, as in MySQL. */
export function orderNullable(a: Typed | null, b: Typed | null): number {
  if (a === null) return b === null ? 0 : -1;
  if (b === null) return 1;
  return orderTyped(a, b);
}

/** Lower-cased `text` against a lower-cased pattern. */
function matchesPattern(text: string, pattern: TextPattern): boolean {
  switch (pattern.anchor) {
    case 'exact':
      return text === pattern.text;
    case 'prefix':
      return text.startsWith(pattern.text);
    case 'suffix':
      return text.endsWith(pattern.text);
    case 'contains':
      return text.includes(pattern.text);
  }
}

/**
 * Evaluates one comparison. [I] An empty value satisfies only `is null`: like SQL, `!=`, `not in` and
 * `not like` do not match records whose field is empty.
 */
export function compare(stored: Typed | null, c: Comparison): boolean {
  if (c.op === 'isNull') return stored === null;
  if (c.op === 'isNotNull') return stored !== null;
  if (stored === null) return false;
  switch (c.op) {
    case 'eq':
      return same(stored, c.value);
    case 'ne':
      return !same(stored, c.value);
    case 'gt':
      return orderTyped(stored, c.value) > 0;
    case 'ge':
      return orderTyped(stored, c.value) >= 0;
    case 'lt':
      return orderTyped(stored, c.value) < 0;
    case 'le':
      return orderTyped(stored, c.value) <= 0;
    case 'between':
    case 'notBetween': {
      const inside = orderTyped(stored, c.low) >= 0 && orderTyped(stored, c.high) <= 0;
      return c.op === 'between' ? inside : !inside;
    }
    case 'in':
    case 'notIn': {
      const found = c.values.some((v) => same(stored, v));
      return c.op === 'in' ? found : !found;
    }
    case 'like':
    case 'notLike': {
      const found = matchesPattern(textOf(stored), c.pattern);
      return c.op === 'like' ? found : !found;
    }
  }
}
