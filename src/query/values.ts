import type { Literal } from './ast';
import type { ValueKind } from './field-kinds';

/**
 * Typing of `where` values for their field: each value becomes a {@link Literal} in Zoho's wire form, or a
 * problem (a sentence for the error message) when it does not fit the field.
 */

/** How a `Date` with milliseconds becomes whole seconds, chosen so the comparison keeps its meaning. */
export type Rounding = 'floor' | 'ceil';

export type LiteralResult = { ok: true; literal: Literal } | { ok: false; problem: string };

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const INTEGER = /^-?\d+$/;
const RECORD_ID = /^\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const ok = (type: Literal['type'], text: string): LiteralResult => ({ ok: true, literal: { type, text } });
const bad = (problem: string): LiteralResult => ({ ok: false, problem });

/** Types `value` for a field of `kind`; `rounding` applies to `Date`s with milliseconds. */
export function toLiteral(kind: ValueKind, value: unknown, rounding: Rounding = 'floor'): LiteralResult {
  switch (kind) {
    case 'text':
    case 'textarea':
    case 'picklist':
      if (typeof value === 'string') return ok('string', value);
      if (typeof value === 'number' && Number.isFinite(value)) return ok('string', formatNumber(value));
      return bad(`expects a string, got ${describe(value)}`);
    case 'multiselect':
      if (typeof value === 'string') return ok('string', value);
      if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) {
        return ok('string', value.join(';'));
      }
      return bad(`expects an option or a non-empty list of options, got ${describe(value)}`);
    case 'number':
      if (typeof value === 'number') {
        return Number.isFinite(value)
          ? ok('number', formatNumber(value))
          : bad(`expects a finite number, got ${value}`);
      }
      if (typeof value === 'bigint') return ok('number', value.toString());
      if (typeof value === 'string' && DECIMAL.test(value)) return ok('number', value);
      return bad(`expects a number, got ${describe(value)}`);
    case 'bigint':
      if (typeof value === 'bigint') return ok('number', value.toString());
      if (typeof value === 'number' && Number.isSafeInteger(value)) return ok('number', String(value));
      if (typeof value === 'string' && INTEGER.test(value)) return ok('number', value);
      return bad(`expects an integer (a digit string for ids), got ${describe(value)}`);
    case 'boolean':
      if (typeof value === 'boolean') return ok('boolean', String(value));
      return bad(`expects true or false, got ${describe(value)}`);
    case 'date':
      if (typeof value === 'string' && isDate(value)) return ok('string', value);
      if (value instanceof Date) {
        return bad(
          "date fields take 'YYYY-MM-DD' strings, not Date objects (a Date is an instant: format it in the time zone you mean)",
        );
      }
      return bad(`expects a 'YYYY-MM-DD' date, got ${describe(value)}`);
    case 'datetime':
      return dateTimeLiteral(value, rounding);
    case 'lookup':
    case 'user': {
      const id = typeof value === 'string' ? value : idOf(value);
      if (id !== undefined && RECORD_ID.test(id)) return ok('number', id);
      return bad(
        `expects a record id (a digit string, or an object with one as "id"), got ${describe(value)}`,
      );
    }
    case 'unsupported':
      return bad('this field cannot be compared');
  }
}

/** A date-time: a `Date` (sent in UTC, `+00:00`) or an ISO-8601 string with an offset (kept as written). */
function dateTimeLiteral(value: unknown, rounding: Rounding): LiteralResult {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? bad('is an invalid Date') : ok('string', formatDateTime(ms, rounding));
  }
  if (typeof value === 'string') {
    const match = DATE_TIME.exec(value);
    const ms = match ? Date.parse(value) : NaN;
    if (!match || Number.isNaN(ms) || !isDate(match[1].slice(0, 10))) {
      return bad(
        `expects a Date or an ISO-8601 date-time with an offset ('2024-05-02T11:17:33+05:30'), got ${describe(value)}`,
      );
    }
    // Zoho has no fractions of a second: such a value is re-expressed in UTC, rounded like a Date.
    if (match[2] !== undefined) return ok('string', formatDateTime(ms, rounding));
    return ok('string', match[3] === 'Z' ? `${match[1]}+00:00` : value);
  }
  return bad(`expects a Date or an ISO-8601 date-time, got ${describe(value)}`);
}

/** `YYYY-MM-DDTHH:mm:ss+00:00`, whole seconds. */
export function formatDateTime(ms: number, rounding: Rounding = 'floor'): string {
  const seconds = rounding === 'ceil' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000);
  return new Date(seconds * 1000).toISOString().slice(0, 19) + '+00:00';
}

/** A real calendar date `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text);
}

/** The decimal text of a finite number, without exponent (`1e21` → `1000000000000000000000`, `1e-7` → `0.0000001`). */
export function formatNumber(n: number): string {
  const text = String(n);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, head, tail = '', exp] = match;
  const digits = head + tail;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function idOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  return undefined;
}

/** A value for messages: its type and, for short scalars, itself. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'a Date';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'a string';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${typeof value} ${String(value)}`;
  return typeof value;
}
