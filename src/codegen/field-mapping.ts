import type { ZohoDataType } from '../metadata/field-metadata';
import type { FieldJson } from './metadata-json';

/** The names generated code imports from the runtime package (`zcrm`). */
export interface RuntimeNames {
  /** The active-record base class models extend. */
  record: string;
  /** The lookup reference type, `Ref<Target>`. */
  ref: string;
  /** A user reference (owner and user lookups). */
  user: string;
  /** One inventory line item. */
  lineItem: string;
  /** One record-level tax (`$line_tax`). */
  tax: string;
  /** One meeting participant. */
  participant: string;
  /** One price-book price range. */
  pricingRange: string;
}

/** How one field is declared in a generated model. */
export interface FieldPlan {
  apiName: string;
  /** The property name wanted (the caller makes it unique). */
  property: string;
  /** `Field`, `Lookup`, `UserLookup`, `LineItems`, `LineTaxes`, `Subform`, `Participants`, `PricingDetails`. */
  decorator: string;
  /** The `type` option of `@Field` (always given, so queries use the operators Zoho allows). */
  dataType?: ZohoDataType;
  /** The property's TypeScript type, without `| null`. */
  tsType: string;
  readonly: boolean;
  /** Array-valued roles start as `[]` (line items, taxes, participants, pricing, subform rows). */
  initialiser?: string;
  /** Lookups: the target module; subforms: the subform module. */
  targetModule?: string;
  /** Zoho's data type as the metadata gives it (for the property's comment). */
  zohoType: string;
  label?: string;
}

/** Zoho data types a model may declare as they come. */
const PASS_THROUGH = new Set<ZohoDataType>([
  'text',
  'textarea',
  'mediumtext',
  'email',
  'phone',
  'website',
  'autonumber',
  'integer',
  'bigint',
  'long',
  'double',
  'currency',
  'percent',
  'decimal',
  'boolean',
  'date',
  'datetime',
  'profileimage',
]);

const NUMBER_TYPES = new Set(['integer', 'double', 'currency', 'percent', 'decimal']);

/** The plan for one field; `names` are the runtime type names to write. */
export function planField(
  field: FieldJson,
  names: RuntimeNames,
  module: string,
  property: string,
): FieldPlan {
  const apiName = field.api_name ?? '';
  const dataType = field.data_type ?? 'text';
  const readonly = field.read_only === true || field.field_read_only === true;
  const base = {
    apiName,
    property,
    readonly,
    label: field.field_label ?? field.display_label,
    zohoType: dataType,
  };

  if (dataType === 'lineitem') {
    return {
      ...base,
      property: 'lines',
      decorator: 'LineItems',
      tsType: `${names.lineItem}[]`,
      initialiser: '[]',
    };
  }
  if (apiName === '$line_tax') {
    return {
      ...base,
      property: 'taxes',
      decorator: 'LineTaxes',
      tsType: `${names.tax}[]`,
      initialiser: '[]',
    };
  }
  if (dataType === 'pricing_details') {
    return {
      ...base,
      property: 'pricing',
      decorator: 'PricingDetails',
      tsType: `${names.pricingRange}[]`,
      initialiser: '[]',
    };
  }
  if (dataType === 'multiselectlookup' && module === 'Events' && apiName === 'Participants') {
    return {
      ...base,
      property: 'participants',
      decorator: 'Participants',
      tsType: `${names.participant}[]`,
      initialiser: '[]',
    };
  }
  if (dataType === 'subform') {
    return {
      ...base,
      decorator: 'Subform',
      tsType: '', // the row class, named by the renderer
      initialiser: '[]',
      targetModule: moduleName(field.subform?.module),
    };
  }
  if (dataType === 'lookup') {
    return { ...base, decorator: 'Lookup', tsType: '', targetModule: moduleName(field.lookup?.module) };
  }
  if (dataType === 'ownerlookup' || dataType === 'userlookup') {
    return { ...base, decorator: 'UserLookup', tsType: names.user };
  }
  if (dataType === 'picklist') {
    return { ...base, decorator: 'Field', dataType: 'picklist', tsType: picklistType(field) };
  }
  if (dataType === 'multiselectpicklist') {
    const item = picklistType(field);
    return {
      ...base,
      decorator: 'Field',
      dataType: 'multiselectpicklist',
      tsType: item.includes('|') ? `Array<${item}>` : `${item}[]`,
    };
  }
  if (dataType === 'formula') {
    const returns = field.formula?.return_type ?? undefined;
    return { ...base, readonly: true, decorator: 'Field', dataType: 'formula', tsType: scalarType(returns) };
  }
  if (PASS_THROUGH.has(dataType as ZohoDataType)) {
    return { ...base, decorator: 'Field', dataType: dataType as ZohoDataType, tsType: scalarType(dataType) };
  }
  // Types the ORM does not model (multi-select lookups, reminders, recurrence rules, file uploads …): kept as
  // Zoho sends them, typed by their JSON type.
  const json = field.json_type;
  if (json === 'jsonarray' || dataType === 'multiselectlookup' || dataType === 'multiuserlookup') {
    return { ...base, decorator: 'Field', dataType: 'jsonarray', tsType: 'unknown[]' };
  }
  if (json === 'jsonobject') {
    return {
      ...base,
      decorator: 'Field',
      dataType: 'jsonobject',
      tsType: 'Record<string, unknown>',
    };
  }
  const scalar = scalarType(
    json === 'integer' || json === 'double' ? 'double' : json === 'boolean' ? 'boolean' : 'text',
  );
  const declared: ZohoDataType = scalar === 'number' ? 'double' : scalar === 'boolean' ? 'boolean' : 'text';
  return { ...base, decorator: 'Field', dataType: declared, tsType: scalar };
}

/** The TypeScript type of a scalar Zoho type. Dates are `'YYYY-MM-DD'` strings, date-times `Date`s, long integers digit strings. */
export function scalarType(dataType: string | undefined): string {
  if (dataType === undefined) return 'string';
  if (NUMBER_TYPES.has(dataType)) return 'number';
  if (dataType === 'boolean') return 'boolean';
  if (dataType === 'datetime') return 'Date';
  return 'string';
}

/**
 * A picklist's values as a string-literal union, without Zoho's `-None-` placeholder. Unrestricted picklists
 * (all of them, unless the field says `restricted`) accept new values, so the union stays open:
 * `'Hot' | 'Warm' | (string & {})` keeps the suggestions and still takes any string.
 */
export function picklistType(field: FieldJson): string {
  const values: string[] = [];
  for (const entry of field.pick_list_values ?? []) {
    const value = entry.actual_value ?? entry.display_value;
    if (typeof value !== 'string' || value === '-None-' || values.includes(value)) continue;
    values.push(value);
  }
  const literals = values.map((v) => quote(v));
  if (field.restricted === true) return literals.length > 0 ? literals.join(' | ') : 'string';
  return [...literals, '(string & {})'].join(' | ');
}

/** A single-quoted TypeScript string literal. */
export function quote(value: string): string {
  return `'${value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;
}

/** `{api_name: 'Accounts'}` or `'Accounts'` → `Accounts`. */
export function moduleName(module: { api_name?: string } | string | null | undefined): string | undefined {
  if (typeof module === 'string') return module || undefined;
  const name = module?.api_name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}
