import type { FieldDef, ModuleDef } from '../../state/types';

/**
 * How a field's values compare in search criteria and COQL, derived from its metadata `data_type`.
 * `bigint` covers ids and Long Integer fields (digit strings longer than a double holds exactly).
 */
export type ValueKind =
  | 'text'
  | 'number'
  | 'bigint'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'lookup'
  | 'user'
  | 'multiselect'
  | 'unsupported';

const KINDS: Record<string, ValueKind> = {
  text: 'text',
  textarea: 'text',
  email: 'text',
  phone: 'text',
  website: 'text',
  picklist: 'text',
  autonumber: 'text',
  integer: 'number',
  double: 'number',
  currency: 'number',
  percent: 'number',
  decimal: 'number',
  bigint: 'bigint',
  long: 'bigint',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  lookup: 'lookup',
  ownerlookup: 'user',
  userlookup: 'user',
  multiselectpicklist: 'multiselect',
};

/** The comparison kind of a field; line items, subforms, multi-select lookups … are `unsupported`. */
export function kindOf(def: FieldDef): ValueKind {
  return KINDS[def.data_type] ?? 'unsupported';
}

/** The record id as a field: every module has it though the field metadata does not list it. */
export const ID_FIELD: FieldDef = {
  api_name: 'id',
  field_label: 'Record Id',
  data_type: 'bigint',
  read_only: true,
};

/**
 * A module's field by API name, `id` included.
 * [I] Matched case-insensitively, as Zoho resolves module names; an exact match wins.
 */
export function findField(module: ModuleDef, name: string): FieldDef | undefined {
  if (name.toLowerCase() === 'id') return ID_FIELD;
  const exact = module.fields.find((f) => f.api_name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return module.fields.find((f) => f.api_name.toLowerCase() === lower);
}
