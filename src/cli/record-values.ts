import type { RuntimeField } from '../codegen/runtime-model';
import { dataTypeInfo } from '../metadata/data-types';
import { FIELD_ROLES } from '../metadata/field-roles';

/**
 * Values between records and files: what `zcrm export` writes for each field, and what `zcrm import` makes of
 * a cell. Structured fields (line items, subforms …) travel as Zoho's JSON; dates as ISO-8601 text; lookups
 * and users as their `{id, name}` (JSON) or their id (CSV); multi-select picklists as lists (JSON) or
 * `;`-separated options (CSV).
 */

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A property value as a JSON Lines value (`null` when empty). */
export function jsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** A property value as a CSV cell. */
export function csvValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(';');
  if (
    typeof value === 'object' &&
    typeof (value as { id?: unknown }).id === 'string' &&
    !Array.isArray(value)
  ) {
    return (value as { id: string }).id;
  }
  return JSON.stringify(value);
}

/** The outcome of reading one input value: the property value, nothing (an empty CSV cell), or why it is wrong. */
export type ImportValue = { value: unknown } | { skip: true } | { error: string };

/**
 * The property value of `raw` for `field`. CSV cells are text and are converted by the field's type (an
 * empty cell sends nothing); JSON values are taken as they are (`null` clears the field), and the ORM checks
 * them when the record is saved.
 */
export function importValue(field: RuntimeField, raw: unknown, fromCsv: boolean): ImportValue {
  if (!fromCsv) {
    if (raw === undefined) return { skip: true };
    if (field.dataType === 'multiselectpicklist' && typeof raw === 'string') return { value: options(raw) };
    return { value: raw };
  }
  const text = String(raw);
  if (text === '') return { skip: true };
  const { query, codec } = dataTypeInfo(FIELD_ROLES[field.role].dataType ?? field.dataType);
  if (query === 'lookup' || query === 'user') {
    if (/^\d+$/.test(text.trim())) return { value: text.trim() };
    if (text.trim().startsWith('{')) return json(text, field);
    return { error: `${field.apiName}: expects a record id, got ${show(text)}` };
  }
  if (query === 'number') {
    return NUMBER.test(text.trim())
      ? { value: Number(text.trim()) }
      : { error: `${field.apiName}: expects a number, got ${show(text)}` };
  }
  if (codec === 'json') return json(text, field);
  switch (query) {
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      if (lower === 'true' || lower === 'false') return { value: lower === 'true' };
      return { error: `${field.apiName}: expects true or false, got ${show(text)}` };
    }
    case 'multiselect':
      return { value: options(text) };
    default:
      return { value: text };
  }
}

function options(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function json(text: string, field: RuntimeField): ImportValue {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { error: `${field.apiName}: expects JSON, got ${show(text)}` };
  }
}

function show(text: string): string {
  return text.length <= 40 ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, 37))}…`;
}
