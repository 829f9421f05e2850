import type { FieldDef, ModuleDef, StoredRecord } from '../../state/types';
import { toCsv } from './csv';

/** [I] Field types a bulk read cannot export (Zoho lists subforms, line items and multi-select lookups). */
const NOT_EXPORTABLE = new Set(['lineitem', 'subform', 'multiselectlookup']);

export function exportable(def: FieldDef): boolean {
  return !NOT_EXPORTABLE.has(def.data_type);
}

/** The columns of an export: `id`, then the requested fields or every exportable field of the module. */
export function exportColumns(module: ModuleDef, fields: readonly string[] | undefined): string[] {
  const names =
    fields && fields.length > 0 ? fields : module.fields.filter(exportable).map((f) => f.api_name);
  return ['id', ...names.filter((n) => n !== 'id')];
}

/** Bulk read CSV: header row of API names, one row per record; lookups and users as their ids. */
export function recordsToCsv(columns: readonly string[], records: readonly StoredRecord[]): string {
  return toCsv([columns, ...records.map((r) => columns.map((c) => cellText(r[c])))]);
}

/** A stored value as one CSV cell: empty for null, ids for lookups, `;`-joined lists (multi-select picklists). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(';');
  if (typeof value === 'object') {
    const { id, name } = value as { id?: unknown; name?: unknown };
    if (id !== undefined && id !== null) return String(id);
    if (name !== undefined && name !== null) return String(name);
    return JSON.stringify(value);
  }
  return String(value);
}

/**
 * [I] `file_type: "ics"` (Events only): one VEVENT per meeting with its id, title, start and end, venue and
 * description; date-times are written in UTC as iCalendar requires.
 */
export function eventsToIcs(records: readonly StoredRecord[], stamp: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//zcrm emulator//Bulk Read//EN'];
  for (const r of records) {
    lines.push('BEGIN:VEVENT', `UID:${r.id}`, `DTSTAMP:${icsTime(stamp)}`);
    const start = Date.parse(String(r.Start_DateTime ?? ''));
    const end = Date.parse(String(r.End_DateTime ?? ''));
    if (!Number.isNaN(start)) lines.push(`DTSTART:${icsTime(start)}`);
    if (!Number.isNaN(end)) lines.push(`DTEND:${icsTime(end)}`);
    for (const [key, field] of [
      ['SUMMARY', 'Event_Title'],
      ['LOCATION', 'Venue'],
      ['DESCRIPTION', 'Description'],
    ] as const) {
      if (typeof r[field] === 'string' && r[field] !== '') lines.push(`${key}:${icsText(r[field])}`);
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

function icsTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}
