/**
 * How values are written on Zoho's wire, shared by the codecs (what a save sends) and the query compilers
 * (criteria and COQL literals).
 */

/** How a `Date` with milliseconds becomes whole seconds, chosen so a comparison keeps its meaning. */
export type Rounding = 'floor' | 'ceil';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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

/** A value for messages: its type and, for short scalars, itself. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'a Date';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'a string';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${typeof value} ${String(value)}`;
  return typeof value;
}
