import type { EmulatorContext } from '../../context';
import { isDate, parseDateTime } from '../../time';
import type { FieldDef } from '../../state/types';
import { isPlainObject } from '../body';
import { ItemErrors } from '../item-errors';
import { fail } from './item-failure';

/**
 * Validation and normalisation of one scalar field value against its metadata (docs/zoho-v2-notes.md §8). Returns the
 * value to store (wire form; lookups as `{ id }`) or throws the item's `INVALID_DATA` error.
 * Structured values (line items, participants, pricing rows) have their own modules.
 */
export function normaliseValue(ctx: EmulatorContext, def: FieldDef, value: unknown): unknown {
  if (isEmpty(value)) return null;
  switch (def.data_type) {
    case 'text':
    case 'textarea':
    case 'mediumtext':
      return text(def, value, defaultLength(def));
    case 'email':
      return matching(def, text(def, value, def.length ?? 100), EMAIL);
    case 'phone':
      return matching(def, text(def, value, def.length ?? 30), PHONE);
    case 'website':
      return matching(def, text(def, value, def.length ?? 255), WEBSITE);
    case 'integer':
      return integer(def, value);
    case 'bigint':
    case 'long':
      return longInteger(def, value);
    case 'double':
    case 'currency':
    case 'percent':
    case 'decimal':
      return decimal(def, value);
    case 'boolean':
      if (typeof value !== 'boolean') fail(ItemErrors.invalidType(def.api_name, def.data_type));
      return value;
    case 'date':
      if (typeof value !== 'string' || !isDate(value))
        fail(ItemErrors.invalidType(def.api_name, def.data_type));
      return value;
    case 'datetime':
      return dateTime(ctx, def, value);
    case 'picklist':
      return picklist(def, value);
    case 'multiselectpicklist':
      return multiSelect(def, value);
    case 'lookup':
      return lookup(ctx, def, def.lookup_module, value);
    case 'ownerlookup':
    case 'userlookup':
      return userLookup(ctx, def, value);
    default:
      // Reminders, recurrence rules, multi-lookups, uploads …: kept as sent.
      return value;
  }
}

/** Zoho treats `null`, `""` and `[]` alike: the field is empty. */
export function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** The id of a lookup value: `{ "id": "…" }` or a bare id string (the Python SDK sends the latter). */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isPlainObject(value) && typeof value.id === 'string') return value.id;
  return undefined;
}

/** `{ id }` of an existing record of `moduleName`, or the field's `INVALID_DATA`. */
export function lookup(
  ctx: EmulatorContext,
  def: FieldDef,
  moduleName: string | undefined,
  value: unknown,
): { id: string } {
  const id = idOf(value);
  const module = moduleName ? ctx.findModule(moduleName) : undefined;
  if (id === undefined || !module || !ctx.recordById(module.api_name, id)) {
    fail(ItemErrors.invalidType(def.api_name, def.data_type));
  }
  return { id };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// [I] Zoho's phone check: digits with the usual separators and extension markers.
const PHONE = /^(?=.*\d)[\d+\-().\s/#*,;xXext]+$/;
// [I] An optional scheme, a dotted host name, an optional port and path.
const WEBSITE = /^(?:(?:https?|ftp):\/\/)?(?:[\w-]+\.)+[a-z]{2,}(?::\d{1,5})?(?:[/?#]\S*)?$/i;

function defaultLength(def: FieldDef): number {
  if (def.length !== undefined) return def.length;
  return def.data_type === 'text' ? 255 : def.data_type === 'mediumtext' ? 2000 : 32000;
}

/** Strings (numbers are taken as their decimal text, as Zoho does) up to `maxLength` characters. */
function text(def: FieldDef, value: unknown, maxLength: number): string {
  const str = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof str !== 'string') fail(ItemErrors.invalidType(def.api_name, def.data_type));
  if (str.length > maxLength) fail(ItemErrors.tooLong(def.api_name, maxLength));
  return str;
}

/** [I] Emails, phones and websites are stored without surrounding spaces, as Zoho's form fields do. */
function matching(def: FieldDef, value: string, pattern: RegExp): string {
  const trimmed = value.trim();
  if (!pattern.test(trimmed)) fail(ItemErrors.invalidType(def.api_name, def.data_type));
  return trimmed;
}

/** A finite JSON number, or a string holding one ([I] Zoho parses numeric strings). */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

function integer(def: FieldDef, value: unknown): number {
  const n = toNumber(value);
  if (n === undefined || !Number.isInteger(n)) fail(ItemErrors.invalidType(def.api_name, def.data_type));
  const digits = def.length ?? 9;
  if (String(Math.abs(n)).length > digits) fail(ItemErrors.tooLong(def.api_name, digits));
  return n;
}

/** Long integers travel as digit strings (up to 18 digits), since JSON numbers lose precision past 2^53. */
function longInteger(def: FieldDef, value: unknown): string {
  const str = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof str !== 'string' || !/^-?\d{1,18}$/.test(str))
    fail(ItemErrors.invalidType(def.api_name, def.data_type));
  return str;
}

function decimal(def: FieldDef, value: unknown): number {
  const n = toNumber(value);
  if (n === undefined) fail(ItemErrors.invalidType(def.api_name, def.data_type));
  return typeof def.decimal_place === 'number' ? roundTo(n, def.decimal_place) : n;
}

/** Rounds half away from zero to `places` decimals (money arithmetic). */
export function roundTo(n: number, places = 2): number {
  const factor = 10 ** places;
  return (Math.sign(n) * Math.round(Math.abs(n) * factor + Number.EPSILON)) / factor;
}

/** Date-times must carry an offset; they are stored and echoed in the org's offset, without millis. */
function dateTime(ctx: EmulatorContext, def: FieldDef, value: unknown): string {
  const ms = typeof value === 'string' ? parseDateTime(value) : undefined;
  if (ms === undefined) fail(ItemErrors.invalidType(def.api_name, def.data_type));
  return ctx.timestamp(ms);
}

function picklist(def: FieldDef, value: unknown): string | null {
  const str = text(def, value, def.length ?? 120);
  if (str === '-None-') return null;
  if (def.restricted && !(def.pick_list_values ?? []).includes(str)) fail(ItemErrors.invalid(def.api_name));
  return str;
}

/** A JSON array of strings ([I] a `;`-separated string is accepted too, as COQL prints them). */
function multiSelect(def: FieldDef, value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(';') : value;
  if (!Array.isArray(list) || !list.every((v) => typeof v === 'string'))
    fail(ItemErrors.invalidType(def.api_name, 'jsonarray'));
  const values = [...new Set(list.map((v) => v.trim()).filter((v) => v.length > 0 && v !== '-None-'))];
  if (def.restricted && values.some((v) => !(def.pick_list_values ?? []).includes(v)))
    fail(ItemErrors.invalid(def.api_name));
  return values;
}

/** Owners and user lookups must name an active user of the org. */
function userLookup(ctx: EmulatorContext, def: FieldDef, value: unknown): { id: string } {
  const id = idOf(value);
  const user = id === undefined ? undefined : ctx.userById(id);
  if (!user || user.status !== 'active') fail(ItemErrors.invalidType(def.api_name, def.data_type));
  return { id: user.id };
}
