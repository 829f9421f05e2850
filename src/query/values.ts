import type { Literal } from './ast';
import type { ValueKind } from '../metadata/data-types';
import type { Rounding } from '../metadata/wire-values';
import { describeValue as describe, formatDateTime, formatNumber, isDate } from '../metadata/wire-values';

/**
 * Typing of `where` values for their field: each value becomes a {@link Literal} in Zoho's wire form, or a
 * problem (a sentence for the error message) when it does not fit the field.
 */

export type { Rounding } from '../metadata/wire-values';
export { formatDateTime, formatNumber, isDate } from '../metadata/wire-values';

export type LiteralResult = { ok: true; literal: Literal } | { ok: false; problem: string };

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const INTEGER = /^-?\d+$/;
const RECORD_ID = /^\d+$/;
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

function idOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  return undefined;
}
