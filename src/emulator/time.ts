/**
 * Date-time formatting in the org's fixed UTC offset, as Zoho emits it: `yyyy-MM-ddTHH:mm:ss±HH:mm`, no millis.
 * The emulated org lives in a zone without daylight saving, so one offset is exact all year.
 */
export function formatDateTime(epochMs: number, offsetMinutes: number): string {
  const shifted = new Date(epochMs + offsetMinutes * 60_000);
  const iso = shifted.toISOString().slice(0, 19);
  return iso + formatOffset(offsetMinutes);
}

export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

/** Today's date (`yyyy-MM-dd`) in the org's offset. */
export function formatDate(epochMs: number, offsetMinutes: number): string {
  return formatDateTime(epochMs, offsetMinutes).slice(0, 10);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses an ISO-8601 date-time that carries an offset; `undefined` when it is not one. */
export function parseDateTime(text: string): number | undefined {
  if (!DATE_TIME.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

export function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const ms = Date.parse(text + 'T00:00:00Z');
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text);
}
