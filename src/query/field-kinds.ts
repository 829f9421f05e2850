import type { FieldMetadata } from '../metadata/field-metadata';

/**
 * How a field's values compare in queries, from its Zoho data type. Text kinds differ in the search
 * operators Zoho allows on them (https://www.zoho.com/crm/developer/docs/api/v2/search-records.html): text areas have no `in`, picklists no
 * `starts_with`.
 */
export type ValueKind =
  | 'text'
  | 'textarea'
  | 'picklist'
  | 'multiselect'
  | 'number'
  | 'bigint'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'lookup'
  | 'user'
  | 'unsupported';

const KINDS: Record<string, ValueKind> = {
  text: 'text',
  email: 'text',
  phone: 'text',
  website: 'text',
  mediumtext: 'textarea',
  textarea: 'textarea',
  picklist: 'picklist',
  autonumber: 'picklist',
  multiselectpicklist: 'multiselect',
  integer: 'number',
  double: 'number',
  currency: 'number',
  percent: 'number',
  decimal: 'number',
  bigint: 'bigint',
  long: 'bigint',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  lookup: 'lookup',
  ownerlookup: 'user',
  userlookup: 'user',
};

/** The comparison kind of a field; line items, subforms, tags, formulas … are `unsupported`. */
export function valueKindOf(field: Pick<FieldMetadata, 'dataType'>): ValueKind {
  return KINDS[field.dataType] ?? 'unsupported';
}

/** Kinds whose values are text in both query languages. */
export function isTextKind(kind: ValueKind): boolean {
  return kind === 'text' || kind === 'textarea' || kind === 'picklist' || kind === 'multiselect';
}
