import type { EmulatorContext } from '../../context';
import type { FieldDef, ModuleDef } from '../../state/types';
import { FIELD_JSON_TYPES } from '../../data/standard-modules';
import { CONVERT_TARGETS, convertTargetField } from './lead-convert-mapping';

/** [I] Lengths Zoho reports for fields whose definition gives none. */
const DEFAULT_LENGTH: Record<string, number> = {
  textarea: 32000,
  email: 100,
  phone: 30,
  picklist: 120,
  multiselectpicklist: 2000,
  integer: 9,
  bigint: 18,
  long: 18,
  double: 16,
  currency: 16,
  decimal: 16,
  percent: 5,
  boolean: 5,
  date: 20,
  datetime: 120,
  lookup: 120,
  ownerlookup: 120,
  userlookup: 120,
};

/** Types whose values are structures, which Zoho neither mass-updates nor shows on business cards. */
const STRUCTURED = [
  'textarea',
  'lineitem',
  'multiselectlookup',
  'subform',
  'jsonarray',
  'pricing_details',
  'fileupload',
  'imageupload',
];

/**
 * Renders a compact `FieldDef` as Zoho's field JSON: the keys the Python SDK's `get_zcrmfield` parses and those of
 * the Node SDK 2.0 model `core/com/zoho/crm/api/fields/field.js`. `position` is the field's 0-based place in its
 * module.
 */
export function renderField(
  ctx: EmulatorContext,
  module: ModuleDef,
  field: FieldDef,
  position: number,
): Record<string, unknown> {
  const readOnly = field.read_only ?? false;
  const mandatory = field.system_mandatory ?? false;
  const out: Record<string, unknown> = {
    id: field.id,
    api_name: field.api_name,
    field_label: field.field_label,
    display_label: field.field_label,
    data_type: field.data_type,
    json_type: FIELD_JSON_TYPES[field.data_type] ?? 'string',
    length: field.length ?? DEFAULT_LENGTH[field.data_type] ?? 255,
    decimal_place: field.decimal_place ?? null,
    sequence_number: position + 1,
    column_name: columnName(module, field),
    quick_sequence_number: quickSequence(module, field),
    read_only: readOnly,
    field_read_only: readOnly,
    system_mandatory: mandatory,
    custom_field: field.custom_field ?? false,
    visible: true,
    webhook: true,
    mass_update: !readOnly && !STRUCTURED.includes(field.data_type) && field.data_type !== 'autonumber',
    history_tracking: false,
    businesscard_supported: !STRUCTURED.includes(field.data_type),
    blueprint_supported: !readOnly,
    created_source: 'default',
    default_value: null,
    tooltip: null,
    view_type: { view: true, edit: !readOnly, quick_create: mandatory, create: !readOnly },
    pick_list_values: pickListValues(field),
    lookup: lookupOf(ctx, module, field),
    unique: field.unique ? { casesensitive: 'false' } : {},
    currency:
      field.data_type === 'currency'
        ? { rounding_option: 'normal', precision: field.decimal_place ?? 2 }
        : {},
    auto_number: field.data_type === 'autonumber' ? { prefix: null, suffix: null, start_number: 1 } : {},
    formula: field.data_type === 'formula' ? { return_type: 'text', expression: null } : {},
    multiselectlookup: {},
    multi_module_lookup: {},
    subform: null,
    crypt: null,
    association_details: null,
    validation_rule: null,
    personality_name: null,
    related_details: null,
    private: null,
  };
  if (module.api_name === 'Leads') out.convert_mapping = leadFieldMapping(ctx, field);
  return out;
}

/**
 * Picklists list `-None-` first (Zoho's empty choice); multi-select picklists do not. Every value the emulator
 * knows is in use (`type: "used"`; Zoho marks values removed from the layout `unused`), and its `sys_ref_name`
 * is its actual value. Keys of the Node SDK 2.0 model `core/com/zoho/crm/api/fields/pick_list_value.js`.
 */
function pickListValues(field: FieldDef): Array<Record<string, unknown>> {
  const values = field.pick_list_values ?? [];
  const all = field.data_type === 'picklist' ? ['-None-', ...values] : values;
  return all.map((value, i) => ({
    display_value: value,
    actual_value: value,
    sys_ref_name: value,
    sequence_number: i + 1,
    type: 'used',
    maps: [],
  }));
}

/**
 * [I] The database column Zoho reports for a field: standard fields by name (`Last_Name` → `LASTNAME`),
 * custom fields numbered in their module (`CUSTOMFIELD1` …).
 */
function columnName(module: ModuleDef, field: FieldDef): string {
  if (!field.custom_field) return field.api_name.replace(/_/g, '').toUpperCase();
  return `CUSTOMFIELD${module.fields.filter((f) => f.custom_field).indexOf(field) + 1}`;
}

/** [I] The field's place on the quick-create form, which shows the mandatory fields; `null` for the others. */
function quickSequence(module: ModuleDef, field: FieldDef): number | null {
  if (!field.system_mandatory) return null;
  return module.fields.filter((f) => f.system_mandatory).indexOf(field) + 1;
}

/**
 * A lookup names the related list it adds to the target module (Contacts.Account_Name → Accounts' "Contacts"),
 * as Zoho does, and the target module by API name: in v2 `lookup.module` is a string (the official Node SDK 2.0
 * model `core/com/zoho/crm/api/fields/module.js` types `module` as a String and its setter rejects anything else).
 * Owner/user lookups and polymorphic `What_Id`-style lookups render `{}`.
 */
function lookupOf(ctx: EmulatorContext, module: ModuleDef, field: FieldDef): Record<string, unknown> {
  if (field.data_type !== 'lookup' || field.lookup_module === undefined) return {};
  const target = ctx.findModule(field.lookup_module);
  if (!target) return {};
  const reverse = (target.related_lists ?? []).find(
    (rl) => rl.kind === 'lookup' && rl.module === module.api_name && rl.lookup_field === field.api_name,
  );
  // [I] Without a reverse related list, the lookup describes itself.
  return {
    display_label: reverse?.display_label ?? field.field_label,
    api_name: reverse?.api_name ?? field.api_name,
    module: target.api_name,
    id: reverse?.id ?? field.id,
  };
}

/** `{Contacts, Deals, Accounts}` → target field API name (or null) for a Leads field. */
function leadFieldMapping(ctx: EmulatorContext, field: FieldDef): Record<string, string | null> {
  const mapping: Record<string, string | null> = {};
  for (const name of CONVERT_TARGETS) {
    const target = ctx.findModule(name);
    mapping[name] = target ? convertTargetField(field, target) : null;
  }
  return mapping;
}
