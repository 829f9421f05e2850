import { DATA_TYPES, isZohoDataType, ZohoDataType } from '../metadata/data-types';
import { FIELD_ROLES } from '../metadata/field-roles';
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
  /** Zoho requires a value on every insert (`system_mandatory`): declared `!` with `@IsNotEmpty()`. */
  mandatory?: boolean;
  /** The most characters a text field holds (`length`): `@MaxLength(n)`. */
  maxLength?: number;
}

/** Text types whose `length` is a limit in characters. */
const LENGTH_LIMITED = new Set<string>(['text', 'textarea', 'email', 'phone', 'website']);

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
    ...(field.system_mandatory === true && !readonly ? { mandatory: true } : {}),
  };

  if (apiName === '$line_tax') {
    return {
      ...base,
      property: 'taxes',
      decorator: FIELD_ROLES.lineTaxes.decorator,
      tsType: `${names.tax}[]`,
      initialiser: '[]',
    };
  }
  if (dataType === 'multiselectlookup' && module === 'Events' && apiName === 'Participants') {
    return {
      ...base,
      property: 'participants',
      decorator: FIELD_ROLES.participants.decorator,
      tsType: `${names.participant}[]`,
      initialiser: '[]',
    };
  }
  if (!isZohoDataType(dataType)) return unknownTypePlan(base, field);
  switch (DATA_TYPES[dataType].codec) {
    case 'lineItems':
      return {
        ...base,
        property: 'lines',
        decorator: FIELD_ROLES.lineItems.decorator,
        tsType: `${names.lineItem}[]`,
        initialiser: '[]',
      };
    case 'pricing':
      return {
        ...base,
        property: 'pricing',
        decorator: FIELD_ROLES.pricingDetails.decorator,
        tsType: `${names.pricingRange}[]`,
        initialiser: '[]',
      };
    case 'subform':
      return {
        ...base,
        decorator: FIELD_ROLES.subform.decorator,
        tsType: '', // the row class, named by the renderer
        initialiser: '[]',
        targetModule: moduleName(field.subform?.module),
      };
    case 'lookup':
      return {
        ...base,
        decorator: FIELD_ROLES.lookup.decorator,
        tsType: '',
        targetModule: moduleName(field.lookup?.module),
      };
    case 'user':
      return { ...base, decorator: FIELD_ROLES.userLookup.decorator, tsType: names.user };
  }
  if (dataType === 'picklist') {
    return { ...base, decorator: 'Field', dataType, tsType: picklistType(field) };
  }
  if (dataType === 'multiselectpicklist') {
    const item = picklistType(field);
    return {
      ...base,
      decorator: 'Field',
      dataType,
      tsType: item.includes('|') ? `Array<${item}>` : `${item}[]`,
    };
  }
  if (dataType === 'formula') {
    const returns = field.formula?.return_type ?? undefined;
    return { ...base, readonly: true, decorator: 'Field', dataType, tsType: scalarType(returns) };
  }
  const length = field.length;
  const maxLength =
    LENGTH_LIMITED.has(dataType) && typeof length === 'number' && Number.isInteger(length) && length > 0
      ? length
      : undefined;
  return {
    ...base,
    decorator: 'Field',
    dataType,
    tsType: DATA_TYPES[dataType].tsType,
    ...(maxLength !== undefined ? { maxLength } : {}),
  };
}

/**
 * Types the SDK does not know (reminders, recurrence rules …): kept as Zoho sends them, declared and typed
 * by their JSON type.
 */
function unknownTypePlan(base: Omit<FieldPlan, 'decorator' | 'tsType'>, field: FieldJson): FieldPlan {
  const json = field.json_type;
  if (json === 'jsonarray')
    return { ...base, decorator: 'Field', dataType: 'jsonarray', tsType: 'unknown[]' };
  if (json === 'jsonobject') {
    return { ...base, decorator: 'Field', dataType: 'jsonobject', tsType: 'Record<string, unknown>' };
  }
  const declared: ZohoDataType =
    json === 'integer' || json === 'double' ? 'double' : json === 'boolean' ? 'boolean' : 'text';
  return { ...base, decorator: 'Field', dataType: declared, tsType: DATA_TYPES[declared].tsType };
}

/** The TypeScript type of a formula's return type (the table's, `string` for anything else). */
export function scalarType(dataType: string | undefined): string {
  return isZohoDataType(dataType) && DATA_TYPES[dataType].wire !== 'any'
    ? DATA_TYPES[dataType].tsType
    : 'string';
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
