import { bool, idString, isJsonObject, Json, num, str } from '../mappers/json-utils';
import { nonEmptyObject, objects } from '../mappers/settings-json';
import { ZCRMLookupField } from './zcrm-lookup-field';
import { ZCRMPickListValue } from './zcrm-pick-list-value';
import { ZCRMTransitionCrypt } from './zcrm-transition-crypt';

/** Where a field shows (`view_type`), in the seed's words. */
export type FieldLayoutPermission = 'VIEW' | 'QUICK_CREATE' | 'CREATE' | 'EDIT';

/** A field's tooltip (`tooltip`). */
export interface FieldTooltip {
  name?: string | null;
  value?: string | null;
}

/**
 * A field of a module (`settings/fields`, a layout section's fields, a blueprint transition's fields). Data only;
 * get them with `ZCRMModule.getAllFields()` / `getField(id)`. Attributes the response did not carry stay undefined.
 */
export class ZCRMField {
  apiName?: string | null;
  id?: string;
  fieldLabel?: string | null;
  displayLabel?: string | null;
  /** `text`, `picklist`, `lookup`, `ownerlookup`, `currency`, `lineitem` … (https://www.zoho.com/crm/developer/docs/api/v2/field-meta.html). */
  dataType?: string | null;
  /** `string`, `integer`, `double`, `boolean`, `jsonobject`, `jsonarray`. */
  jsonType?: string | null;
  length?: number | null;
  sequenceNumber?: number | null;
  defaultValue?: unknown;
  /** Required in a layout (`required`, or `mandatory`). */
  isMandatory?: boolean | null;
  isSystemMandatory?: boolean | null;
  isCustomField?: boolean | null;
  isVisible?: boolean | null;
  isReadOnly?: boolean | null;
  isFieldReadOnly?: boolean | null;
  isBusinessCardSupported?: boolean | null;
  isMassUpdate?: boolean | null;
  isBlueprintSupported?: boolean | null;
  isWebhook?: boolean | null;
  isHistoryTracking?: boolean | null;
  createdSource?: string | null;
  /** Leads only: target field API name per conversion module (`{Contacts, Deals, Accounts}`), `null` if unmapped. */
  convertMapping?: Record<string, string | null> | null;
  fieldLayoutPermissions?: FieldLayoutPermission[];
  picklistValues: ZCRMPickListValue[] = [];
  lookupField?: ZCRMLookupField;
  relatedDetails?: ZCRMLookupField;
  isUniqueField?: boolean;
  isCaseSensitive?: boolean | null;
  decimalPlace?: number | null;
  isFormulaField?: boolean;
  formulaReturnType?: string | null;
  formulaExpression?: string | null;
  isCurrencyField?: boolean;
  precision?: number | null;
  roundingOption?: string | null;
  isAutoNumber?: boolean;
  prefix?: string | null;
  suffix?: string | null;
  startNumber?: number | null;
  tooltip?: FieldTooltip | null;
  associationDetails?: unknown;
  /** How an encrypted field is stored; `null` for plain fields. */
  crypt?: ZCRMTransitionCrypt | null;
  columnName?: string | null;
  /** `_type`. */
  type?: string | null;
  transitionSequence?: number | null;
  /** Layouts the field is in, as `{id, name}` (when Zoho sends them). */
  layouts?: Array<{ id?: string; name?: string | null }>;
  criteria?: unknown;
  /** Subform and multi-select lookup definitions, as sent. */
  subform?: unknown;
  multiselectlookup?: unknown;

  constructor(apiName?: string | null) {
    if (apiName !== undefined) this.apiName = apiName;
  }

  /** Builds a field object without a request (`ZCRMField.getInstance(apiName)`). */
  static getInstance(apiName?: string | null): ZCRMField {
    return new ZCRMField(apiName);
  }

  /** Parses one field object (https://www.zoho.com/crm/developer/docs/api/v2/field-meta.html). */
  static fromJson(json: Json): ZCRMField {
    const field = new ZCRMField(str(json.api_name));
    field.id = idString(json.id);
    const text = (key: string) => (key in json ? str(json[key]) : undefined);
    const flag = (key: string) => (key in json ? bool(json[key]) : undefined);
    const number = (key: string) => (key in json ? num(json[key]) : undefined);
    field.fieldLabel = text('field_label');
    field.displayLabel = text('display_label');
    field.dataType = text('data_type');
    field.jsonType = text('json_type');
    field.length = number('length');
    field.sequenceNumber = number('sequence_number');
    if ('default_value' in json) field.defaultValue = json.default_value;
    field.isMandatory = flag('required') ?? flag('mandatory');
    field.isSystemMandatory = flag('system_mandatory');
    field.isCustomField = flag('custom_field');
    field.isVisible = flag('visible');
    field.isReadOnly = flag('read_only');
    field.isFieldReadOnly = flag('field_read_only');
    field.isBusinessCardSupported = flag('businesscard_supported');
    field.isMassUpdate = flag('mass_update');
    field.isBlueprintSupported = flag('blueprint_supported');
    field.isWebhook = flag('webhook');
    field.isHistoryTracking = flag('history_tracking');
    field.createdSource = text('created_source');
    field.columnName = text('column_name');
    field.type = text('_type');
    field.transitionSequence = number('transition_sequence');
    field.decimalPlace = number('decimal_place');
    if ('convert_mapping' in json) field.convertMapping = convertMappingOf(json.convert_mapping);
    if (isJsonObject(json.view_type)) field.fieldLayoutPermissions = layoutPermissions(json.view_type);
    field.picklistValues = objects(json.pick_list_values).map((p) => ZCRMPickListValue.fromJson(p));
    const lookup = nonEmptyObject(json.lookup);
    if (lookup) field.lookupField = ZCRMLookupField.fromJson(lookup);
    const related = nonEmptyObject(json.related_details);
    if (related) field.relatedDetails = ZCRMLookupField.fromJson(related);
    const unique = nonEmptyObject(json.unique);
    if (unique) {
      field.isUniqueField = true;
      // Zoho sends "casesensitive": "false" as a string; the seed's bool("false") read it as true.
      field.isCaseSensitive = bool(unique.casesensitive);
    } else if ('unique' in json) field.isUniqueField = false;
    const formula = nonEmptyObject(json.formula);
    field.isFormulaField = formula !== undefined;
    if (formula) {
      field.formulaReturnType = str(formula.return_type);
      field.formulaExpression = str(formula.expression);
    }
    const currency = nonEmptyObject(json.currency);
    field.isCurrencyField = currency !== undefined;
    if (currency) {
      field.precision = num(currency.precision);
      field.roundingOption = str(currency.rounding_option);
    }
    const autoNumber = nonEmptyObject(json.auto_number);
    field.isAutoNumber = autoNumber !== undefined;
    if (autoNumber) {
      field.prefix = str(autoNumber.prefix);
      field.suffix = str(autoNumber.suffix);
      field.startNumber = num(autoNumber.start_number);
    }
    if ('tooltip' in json)
      field.tooltip = isJsonObject(json.tooltip)
        ? { name: str(json.tooltip.name), value: str(json.tooltip.value) }
        : null;
    if ('association_details' in json) field.associationDetails = json.association_details;
    if ('crypt' in json)
      field.crypt = isJsonObject(json.crypt) ? ZCRMTransitionCrypt.fromJson(json.crypt) : null;
    if (Array.isArray(json.layouts))
      field.layouts = objects(json.layouts).map((l) => ({ id: idString(l.id), name: str(l.name) }));
    if ('criteria' in json) field.criteria = json.criteria;
    if ('subform' in json) field.subform = json.subform;
    if ('multiselectlookup' in json) field.multiselectlookup = json.multiselectlookup;
    return field;
  }
}

function layoutPermissions(viewType: Json): FieldLayoutPermission[] {
  const out: FieldLayoutPermission[] = [];
  if (viewType.view === true) out.push('VIEW');
  if (viewType.quick_create === true) out.push('QUICK_CREATE');
  if (viewType.create === true) out.push('CREATE');
  if (viewType.edit === true) out.push('EDIT');
  return out;
}

function convertMappingOf(value: unknown): Record<string, string | null> | null {
  if (!isJsonObject(value)) return null;
  const out: Record<string, string | null> = {};
  for (const [module, target] of Object.entries(value)) out[module] = str(target) ?? null;
  return out;
}
