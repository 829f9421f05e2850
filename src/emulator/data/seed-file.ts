import type { FieldDef, ModuleDef, StoredRecord } from '../state/types';

/**
 * A JSON seed file declares custom modules, custom fields on existing modules and extra records:
 * ```json
 * { "modules": [{ "api_name": "Projects", "singular_label": "Project", "plural_label": "Projects",
 *                 "display_field": "Name", "fields": [{ "api_name": "Name", "field_label": "Name", "data_type": "text", "system_mandatory": true }] }],
 *   "fields": { "Leads": [{ "api_name": "Score__c", "field_label": "Score", "data_type": "integer" }] },
 *   "records": { "Projects": [{ "Name": "Apollo" }] } }
 * ```
 */
export interface SeedFile {
  modules?: Array<Partial<ModuleDef> & Pick<ModuleDef, 'api_name'>>;
  fields?: Record<string, FieldDef[]>;
  records?: Record<string, Array<Record<string, unknown>>>;
}

/** Validates the parsed seed file's shape, naming the first bad entry. */
export function validateSeedFile(value: unknown): SeedFile {
  const fail = (what: string): never => {
    throw new Error(`invalid emulator seed file: ${what}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('the top level must be an object');
  const seed = value as SeedFile;
  for (const [i, m] of (seed.modules ?? []).entries()) {
    if (typeof m?.api_name !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(m.api_name)) fail(`modules[${i}].api_name must be an API name`);
    for (const [j, fd] of (m.fields ?? []).entries()) checkField(fd, `modules[${i}].fields[${j}]`, fail);
  }
  for (const [module, fields] of Object.entries(seed.fields ?? {})) {
    if (!Array.isArray(fields)) fail(`fields.${module} must be an array`);
    fields.forEach((fd, j) => checkField(fd, `fields.${module}[${j}]`, fail));
  }
  for (const [module, records] of Object.entries(seed.records ?? {})) {
    if (!Array.isArray(records)) fail(`records.${module} must be an array`);
  }
  return seed;
}

function checkField(fd: FieldDef, where: string, fail: (what: string) => never): void {
  if (typeof fd?.api_name !== 'string' || fd.api_name.length === 0) fail(`${where}.api_name is required`);
  if (typeof fd.data_type !== 'string') fail(`${where}.data_type is required`);
}

/** Turns a seed module entry into a full module definition with the system fields every module has. */
export function customModule(entry: SeedFile['modules'] extends Array<infer M> | undefined ? M : never, systemFields: FieldDef[]): ModuleDef {
  const fields = entry.fields ?? [];
  const display = entry.display_field ?? fields.find((fd) => fd.system_mandatory)?.api_name ?? 'Name';
  return {
    singular_label: entry.api_name,
    plural_label: entry.api_name,
    display_field: display,
    ...entry,
    generated_type: 'custom',
    scope: entry.scope ?? 'custom',
    fields: [...systemFields, ...fields.filter((fd) => !systemFields.some((s) => s.api_name === fd.api_name))],
    related_lists: entry.related_lists ?? [
      { api_name: 'Notes', display_label: 'Notes', module: 'Notes', kind: 'notes' },
      { api_name: 'Attachments', display_label: 'Attachments', module: 'Attachments', kind: 'attachments' },
    ],
  } as ModuleDef;
}

export type SeedRecords = Record<string, Array<Partial<StoredRecord>>>;
