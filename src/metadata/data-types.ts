/**
 * The one table of Zoho field data types (the `data_type` of `settings/fields`,
 * https://www.zoho.com/crm/developer/docs/api/v2/field-meta.html). Everything that depends on a field's type
 * reads it here: the ORM's codecs (`codec`), the query compilers (`query`: which criteria/COQL operators
 * apply and how literals are written), the model generator (`tsType`) and the CLI's file values (through
 * `codec` and `query`).
 */

/**
 * How a field's values compare in queries. Text kinds differ in the search operators Zoho allows on them
 * (text areas have no `in`, picklists no `starts_with`); `unsupported` fields cannot be compared or selected.
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

/**
 * The codec that maps a field's values between Zoho's JSON and the property (the ORM supplies one per name).
 * Scalar ones live in `src/metadata/codecs`, the ones that build ORM values (refs, rows) in
 * `src/orm/mapping/codecs`.
 */
export type CodecName =
  | 'text'
  | 'number'
  | 'integer'
  | 'long'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'options'
  | 'json'
  | 'tags'
  | 'lookup'
  | 'user'
  | 'lineItems'
  | 'lineTaxes'
  | 'subform'
  | 'participants'
  | 'pricing';

/** What the SDK knows of one Zoho data type. */
export interface DataTypeInfo {
  /** The JSON shape Zoho sends and takes. */
  readonly wire: 'string' | 'number' | 'digits' | 'boolean' | 'string[]' | 'object' | 'object[]' | 'any';
  /** The property's TypeScript type in models (generated ones write it; references and rows are named by codegen). */
  readonly tsType: string;
  readonly codec: CodecName;
  readonly query: ValueKind;
}

const text = (query: ValueKind = 'text'): DataTypeInfo => ({
  wire: 'string',
  tsType: 'string',
  codec: 'text',
  query,
});
const number = (codec: CodecName = 'number'): DataTypeInfo => ({
  wire: 'number',
  tsType: 'number',
  codec,
  query: 'number',
});
const digits: DataTypeInfo = { wire: 'digits', tsType: 'string', codec: 'long', query: 'bigint' };
const jsonList: DataTypeInfo = { wire: 'object[]', tsType: 'unknown[]', codec: 'json', query: 'unsupported' };

/** Every data type a model may declare, and what it is. */
export const DATA_TYPES = {
  text: text(),
  textarea: text('textarea'),
  mediumtext: text('textarea'),
  email: text(),
  phone: text(),
  website: text(),
  autonumber: text('picklist'),
  picklist: text('picklist'),
  multiselectpicklist: { wire: 'string[]', tsType: 'string[]', codec: 'options', query: 'multiselect' },
  integer: number('integer'),
  double: number(),
  currency: number(),
  percent: number(),
  decimal: number(),
  bigint: digits,
  long: digits,
  boolean: { wire: 'boolean', tsType: 'boolean', codec: 'boolean', query: 'boolean' },
  // 'YYYY-MM-DD' strings both ways: no Date object, so no time-zone shift.
  date: { wire: 'string', tsType: 'string', codec: 'date', query: 'date' },
  datetime: { wire: 'string', tsType: 'Date', codec: 'datetime', query: 'datetime' },
  lookup: { wire: 'object', tsType: 'Ref', codec: 'lookup', query: 'lookup' },
  ownerlookup: { wire: 'object', tsType: 'UserRef', codec: 'user', query: 'user' },
  userlookup: { wire: 'object', tsType: 'UserRef', codec: 'user', query: 'user' },
  multiselectlookup: jsonList,
  multiuserlookup: jsonList,
  lineitem: { wire: 'object[]', tsType: 'LineItem[]', codec: 'lineItems', query: 'unsupported' },
  subform: { wire: 'object[]', tsType: 'object[]', codec: 'subform', query: 'unsupported' },
  pricing_details: { wire: 'object[]', tsType: 'PricingRange[]', codec: 'pricing', query: 'unsupported' },
  fileupload: jsonList,
  imageupload: jsonList,
  profileimage: { wire: 'string', tsType: 'string', codec: 'json', query: 'unsupported' },
  // Read-only; the value's type is the formula's return type.
  formula: { wire: 'any', tsType: 'unknown', codec: 'json', query: 'unsupported' },
  jsonarray: jsonList,
  jsonobject: { wire: 'object', tsType: 'Record<string, unknown>', codec: 'json', query: 'unsupported' },
} as const satisfies Record<string, DataTypeInfo>;

/** Zoho field data types a model may declare (the keys of the table `DATA_TYPES` in `src/metadata/data-types.ts`). */
export type ZohoDataType = keyof typeof DATA_TYPES;

/** True for a data type of the table. */
export function isZohoDataType(type: unknown): type is ZohoDataType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(DATA_TYPES, type);
}

/** The table entry of a data type. */
export function dataTypeInfo(type: ZohoDataType): DataTypeInfo {
  return DATA_TYPES[type];
}

/** The comparison kind of a field; line items, subforms, tags, formulas … are `unsupported`. */
export function valueKindOf(field: { dataType: ZohoDataType }): ValueKind {
  return DATA_TYPES[field.dataType].query;
}

/** Kinds whose values are text in both query languages. */
export function isTextKind(kind: ValueKind): boolean {
  return kind === 'text' || kind === 'textarea' || kind === 'picklist' || kind === 'multiselect';
}
