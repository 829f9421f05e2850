import type { EmulatorContext } from '../../context';
import type { ModuleDef } from '../../state/types';
import { moduleExtras } from './metadata-state';
import { renderCustomView } from './render-custom-view';

const INVENTORY = ['Quotes', 'Sales_Orders', 'Purchase_Orders', 'Invoices'];
const SCORING = ['Leads', 'Contacts', 'Accounts', 'Deals'];
const WEBFORMS = ['Leads', 'Contacts', 'Cases'];
const NOT_SEARCHABLE = ['Notes', 'Attachments'];
/** [I] How many fields a business card may show. */
export const BUSINESS_CARD_FIELD_LIMIT = 5;
/** [I] Records per page of the module's list view until changed with `PUT /settings/modules`. */
const DEFAULT_PER_PAGE = 10;

/** `{name, id}` of a user, as metadata objects reference people (no email, unlike record lookups). */
export function userNameRef(
  ctx: EmulatorContext,
  userId: string | null | undefined,
): { name: string; id: string } | null {
  const user = userId ? ctx.userById(userId) : undefined;
  if (!user) return null;
  const { name, id } = ctx.userRef(user);
  return { name, id };
}

/** A module as `GET /settings/modules` lists it (docs/zoho-v2-notes.md §6.1; the keys the Python SDK's `get_zcrmmodule` reads). */
export function renderModuleSummary(ctx: EmulatorContext, module: ModuleDef): Record<string, unknown> {
  const custom = module.generated_type === 'custom';
  const creatable = module.creatable ?? true;
  return {
    id: module.id,
    api_name: module.api_name,
    module_name: module.module_name ?? module.api_name,
    singular_label: module.singular_label,
    plural_label: module.plural_label,
    generated_type: module.generated_type,
    api_supported: module.api_supported ?? true,
    creatable,
    editable: module.editable ?? true,
    // Standard modules report deletable:false (the module itself cannot be deleted), custom ones true: the
    // settings/modules sample of https://www.zoho.com/crm/developer/docs/api/v7/modules-api.html.
    deletable: module.deletable ?? custom,
    viewable: module.viewable ?? true,
    convertable: module.convertable ?? false,
    quick_create: creatable,
    show_as_tab: true,
    sequence_number: module.sequence_number,
    visibility: 1,
    presence_sub_menu: true,
    global_search_supported: !NOT_SEARCHABLE.includes(module.api_name),
    filter_supported: true,
    filter_status: true,
    scoring_supported: custom || SCORING.includes(module.api_name),
    feeds_required: false,
    webform_supported: custom || WEBFORMS.includes(module.api_name),
    kanban_view_supported: !NOT_SEARCHABLE.includes(module.api_name),
    // [I] No module has a kanban view until one is set up in the UI.
    kanban_view: false,
    triggers_supported: true,
    inventory_template_supported: INVENTORY.includes(module.api_name),
    emailTemplate_support:
      custom || WEBFORMS.includes(module.api_name) || INVENTORY.includes(module.api_name),
    business_card_field_limit: BUSINESS_CARD_FIELD_LIMIT,
    web_link: null,
    description: null,
    modified_time: module.modified_time ?? null,
    modified_by: userNameRef(ctx, moduleExtras(ctx, module).modified_by),
    profiles: ctx.state.profiles.map((p) => ({ name: p.name, id: p.id })),
    parent_module: {},
    arguments: [],
  };
}

/** A module as `GET /settings/modules/{api_name}` returns it: the summary plus its settings and default view. */
export function renderModuleDetail(ctx: EmulatorContext, module: ModuleDef): Record<string, unknown> {
  const extras = moduleExtras(ctx, module);
  const defaultView =
    extras.custom_views.find((cv) => cv.id === extras.default_custom_view) ?? extras.custom_views[0];
  return {
    ...renderModuleSummary(ctx, module),
    display_field: module.display_field,
    per_page: module.per_page ?? DEFAULT_PER_PAGE,
    business_card_fields: module.business_card_fields ?? [],
    search_layout_fields: defaultView.fields,
    custom_view: renderCustomView(ctx, module, defaultView, true),
    territory: null,
    related_list_properties: extras.related_list_properties ?? {
      sort_by: null,
      sort_order: null,
      fields: defaultView.fields,
    },
    $properties: recordProperties(module),
  };
}

/** [I] The `$` keys records of the module carry (docs/zoho-v2-notes.md §8). */
function recordProperties(module: ModuleDef): string[] {
  const props = [
    '$approved',
    '$approval',
    '$editable',
    '$currency_symbol',
    '$review_process',
    '$review',
    '$state',
    '$process_flow',
    '$followed',
    '$field_states',
  ];
  if (module.api_name === 'Leads') props.push('$converted', '$converted_detail');
  if (module.photo) props.push('$photo_id');
  if (module.fields.some((f) => f.lookup_module === '$se_module')) props.push('$se_module');
  if (INVENTORY.includes(module.api_name)) props.push('$line_tax');
  return props;
}
