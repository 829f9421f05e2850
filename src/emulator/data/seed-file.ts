import type { FieldDef, ModuleDef, StoredRecord } from '../state/types';
import { FIELD_JSON_TYPES } from './standard-modules';

/**
 * A JSON seed file declares custom modules, custom fields on existing modules and extra records:
 * ```json
 * { "modules": [{ "api_name": "Projects", "singular_label": "Project", "plural_label": "Projects",
 *                 "display_field": "Name", "fields": [{ "api_name": "Name", "field_label": "Name", "data_type": "text", "system_mandatory": true }] }],
 *   "fields": { "Leads": [{ "api_name": "Score__c", "field_label": "Score", "data_type": "integer" }] },
 *   "records": { "Projects": [{ "Name": "Apollo" }] } }
 * ```
 * `field_label` defaults to the API name with spaces for underscores; seeded fields are custom fields.
 */
export interface SeedFile {
  modules?: SeedModule[];
  fields?: Record<string, SeedField[]>;
  records?: Record<string, Array<Record<string, unknown>>>;
}

export type SeedModule = Partial<Omit<ModuleDef, 'fields'>> &
  Pick<ModuleDef, 'api_name'> & { fields?: SeedField[] };
export type SeedField = Partial<FieldDef> & Pick<FieldDef, 'api_name' | 'data_type'>;

const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const TOP_LEVEL_KEYS = ['modules', 'fields', 'records'];

/** Thrown for a seed file that cannot be used; the message names the offending entry. */
export function seedError(what: string): Error {
  return new Error(`invalid emulator seed file: ${what}`);
}

/** Validates the parsed seed file's shape, naming the first bad entry. Cross-references are checked when the state is built. */
export function validateSeedFile(value: unknown): SeedFile {
  if (!isObject(value)) throw seedError('the top level must be an object');
  const unknown = Object.keys(value).find((k) => !TOP_LEVEL_KEYS.includes(k));
  if (unknown !== undefined)
    throw seedError(`unknown top-level key "${unknown}" (expected ${TOP_LEVEL_KEYS.join(', ')})`);
  const seed = value as SeedFile;
  listOf(seed.modules, 'modules').forEach((m, i) => checkModule(m, `modules[${i}]`));
  for (const [module, fields] of Object.entries(mapOf(seed.fields, 'fields'))) {
    checkFields(fields, `fields.${module}`);
  }
  for (const [module, records] of Object.entries(mapOf(seed.records, 'records'))) {
    listOf(records, `records.${module}`).forEach((r, i) => {
      if (!isObject(r)) throw seedError(`records.${module}[${i}] must be an object`);
    });
  }
  return seed;
}

function checkModule(m: unknown, where: string): void {
  if (!isObject(m)) throw seedError(`${where} must be an object`);
  if (typeof m.api_name !== 'string' || !API_NAME.test(m.api_name))
    throw seedError(`${where}.api_name must be an API name`);
  for (const key of ['singular_label', 'plural_label', 'display_field'] as const) {
    if (m[key] !== undefined && typeof m[key] !== 'string')
      throw seedError(`${where}.${key} must be a string`);
  }
  checkFields(m.fields, `${where}.fields`);
}

function checkFields(fields: unknown, where: string): void {
  const seen = new Set<string>();
  listOf(fields, where).forEach((fd, j) => {
    const at = `${where}[${j}]`;
    if (!isObject(fd)) throw seedError(`${at} must be an object`);
    if (typeof fd.api_name !== 'string' || !API_NAME.test(fd.api_name))
      throw seedError(`${at}.api_name must be an API name`);
    if (seen.has(fd.api_name)) throw seedError(`${at}.api_name "${fd.api_name}" is declared twice`);
    seen.add(fd.api_name);
    if (typeof fd.data_type !== 'string' || !(fd.data_type in FIELD_JSON_TYPES)) {
      throw seedError(`${at}.data_type must be one of ${Object.keys(FIELD_JSON_TYPES).join(', ')}`);
    }
    if (fd.field_label !== undefined && typeof fd.field_label !== 'string')
      throw seedError(`${at}.field_label must be a string`);
    const picks = fd.pick_list_values;
    if (picks !== undefined && (!Array.isArray(picks) || picks.some((p) => typeof p !== 'string'))) {
      throw seedError(`${at}.pick_list_values must be an array of strings`);
    }
    if (
      (fd.data_type === 'lookup' || fd.data_type === 'multiselectlookup') &&
      typeof fd.lookup_module !== 'string'
    ) {
      throw seedError(`${at}.lookup_module is required for a ${fd.data_type} field`);
    }
  });
}

/** A seeded field with its defaults: a custom field labelled after its API name. */
export function seedField(fd: SeedField): FieldDef {
  return { field_label: fd.api_name.replace(/_/g, ' '), custom_field: true, ...fd };
}

/** Turns a seed module entry into a full module definition with the system fields every module has. */
export function customModule(entry: SeedModule, systemFields: FieldDef[]): ModuleDef {
  const fields = (entry.fields ?? []).map(seedField);
  const display = entry.display_field ?? fields.find((fd) => fd.system_mandatory)?.api_name ?? 'Name';
  return {
    singular_label: entry.api_name,
    plural_label: entry.api_name,
    ...entry,
    display_field: display,
    generated_type: 'custom',
    scope: entry.scope ?? 'custom',
    fields: [
      ...systemFields,
      ...fields.filter((fd) => !systemFields.some((s) => s.api_name === fd.api_name)),
    ],
    related_lists: entry.related_lists ?? [
      { api_name: 'Notes', display_label: 'Notes', module: 'Notes', kind: 'notes' },
      { api_name: 'Attachments', display_label: 'Attachments', module: 'Attachments', kind: 'attachments' },
    ],
  };
}

export type SeedRecords = Record<string, Array<Partial<StoredRecord>>>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw seedError(`${where} must be an array`);
  return value;
}

function mapOf(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isObject(value)) throw seedError(`${where} must be an object keyed by module API name`);
  return value;
}
