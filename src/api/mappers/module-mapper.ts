import type { ZCRMUser } from '../entities/zcrm-user';
import { ZCRMCustomView } from '../entities/zcrm-custom-view';
import { ZCRMField } from '../entities/zcrm-field';
import { ZCRMLayout } from '../entities/zcrm-layout';
import { ZCRMModuleRelatedList } from '../entities/zcrm-module-related-list';
import { ZCRMProfile } from '../entities/zcrm-profile';
import { ZCRMRelatedListProperties } from '../entities/zcrm-related-list-properties';
import { bool, idString, isJsonObject, Json, num, str } from './json-utils';
import { objects, strings } from './settings-json';
import { parseUser } from './user-mapper';

/**
 * The data-only properties of a module (`settings/modules[/{api_name}]`, https://www.zoho.com/crm/developer/docs/api/v2/modules-api.html), in camelCase. `ZCRMModule`
 * holds them; {@link parseModule} reads them from Zoho's module JSON. Keys the response did not carry stay
 * `undefined` (the list omits the settings that only `getModule(apiName)` returns).
 */
export interface ModuleProperties {
  apiName?: string;
  id?: string;
  moduleName?: string | null;
  singularLabel?: string | null;
  pluralLabel?: string | null;
  /** `generated_type`: `default`, `web`, `custom` or `linking`. */
  generatedType?: string | null;
  isCustomModule?: boolean;
  isApiSupported?: boolean | null;
  isCreatable?: boolean | null;
  isEditable?: boolean | null;
  isDeletable?: boolean | null;
  isViewable?: boolean | null;
  isConvertable?: boolean | null;
  isQuickCreate?: boolean | null;
  isShowAsTab?: boolean | null;
  isScoringSupported?: boolean | null;
  isGlobalSearchSupported?: boolean | null;
  isFilterSupported?: boolean | null;
  isFeedsRequired?: boolean | null;
  isWebformSupported?: boolean | null;
  isKanbanViewSupported?: boolean | null;
  isTriggersSupported?: boolean | null;
  isInventoryTemplateSupported?: boolean | null;
  isEmailTemplateSupported?: boolean | null;
  isPresenceSubMenu?: boolean | null;
  visibility?: number | null;
  sequenceNumber?: number | null;
  webLink?: string | null;
  description?: string | null;
  modifiedBy?: ZCRMUser;
  modifiedTime?: string | null;
  businessCardFieldLimit?: number | null;
  /** Field API names shown on the business card. */
  businessCardFields?: string[];
  /** Profiles that may use the module. */
  profiles?: ZCRMProfile[];
  /** API name of the field that names a record (`display_field`). */
  displayFieldName?: string | null;
  relatedLists?: ZCRMModuleRelatedList[];
  layouts?: ZCRMLayout[];
  fields?: ZCRMField[];
  relatedListProperties?: ZCRMRelatedListProperties;
  /** The `$` keys the module's records carry (`$properties`), e.g. `$approved`. */
  properties?: string[];
  /** Records per page of the list view. */
  perPage?: number | null;
  searchLayoutFields?: string[];
  defaultCustomView?: ZCRMCustomView;
  defaultCustomViewId?: string;
  /** `null` when the module has no default territory. */
  defaultTerritoryId?: string | null;
  defaultTerritoryName?: string | null;
  /** `parent_module` as sent (`{}` for top-level modules). */
  parentModule?: unknown;
}

/** Parses one element of `modules` into {@link ModuleProperties}. */
export function parseModule(json: Json): ModuleProperties {
  const out: ModuleProperties = {};
  const apiName = str(json.api_name);
  if (apiName) out.apiName = apiName;
  const id = idString(json.id);
  if (id) out.id = id;
  const text = (key: string) => (key in json ? str(json[key]) : undefined);
  const flag = (key: string) => (key in json ? bool(json[key]) : undefined);
  const number = (key: string) => (key in json ? num(json[key]) : undefined);
  const set = <K extends keyof ModuleProperties>(key: K, value: ModuleProperties[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('moduleName', text('module_name'));
  set('singularLabel', text('singular_label'));
  set('pluralLabel', text('plural_label'));
  set('generatedType', text('generated_type'));
  if ('generated_type' in json) out.isCustomModule = json.generated_type === 'custom';
  set('isApiSupported', flag('api_supported'));
  set('isCreatable', flag('creatable'));
  set('isEditable', flag('editable'));
  set('isDeletable', flag('deletable'));
  set('isViewable', flag('viewable'));
  set('isConvertable', flag('convertable'));
  set('isQuickCreate', flag('quick_create'));
  set('isShowAsTab', flag('show_as_tab'));
  set('isScoringSupported', flag('scoring_supported'));
  set('isGlobalSearchSupported', flag('global_search_supported'));
  set('isFilterSupported', flag('filter_supported'));
  set('isFeedsRequired', flag('feeds_required'));
  set('isWebformSupported', flag('webform_supported'));
  set('isKanbanViewSupported', flag('kanban_view_supported'));
  set('isTriggersSupported', flag('triggers_supported'));
  set('isInventoryTemplateSupported', flag('inventory_template_supported'));
  set('isEmailTemplateSupported', flag('emailTemplate_support'));
  set('isPresenceSubMenu', flag('presence_sub_menu'));
  set('visibility', number('visibility'));
  set('sequenceNumber', number('sequence_number'));
  set('webLink', text('web_link'));
  set('description', text('description'));
  set('modifiedTime', text('modified_time'));
  set('modifiedBy', parseUser(json.modified_by));
  set('businessCardFieldLimit', number('business_card_field_limit'));
  set('businessCardFields', strings(json.business_card_fields));
  if (Array.isArray(json.profiles)) out.profiles = objects(json.profiles).map((p) => ZCRMProfile.fromJson(p));
  set(
    'displayFieldName',
    isJsonObject(json.display_field) ? str(json.display_field.api_name) : text('display_field'),
  );
  if (Array.isArray(json.related_lists))
    out.relatedLists = objects(json.related_lists).map((r) => ZCRMModuleRelatedList.fromJson(r));
  if (Array.isArray(json.layouts)) out.layouts = objects(json.layouts).map((l) => ZCRMLayout.fromJson(l));
  if (Array.isArray(json.fields)) out.fields = objects(json.fields).map((f) => ZCRMField.fromJson(f));
  if (isJsonObject(json.related_list_properties))
    out.relatedListProperties = ZCRMRelatedListProperties.fromJson(json.related_list_properties);
  set('properties', strings(json.$properties));
  set('perPage', number('per_page'));
  set('searchLayoutFields', strings(json.search_layout_fields));
  if (isJsonObject(json.custom_view)) {
    out.defaultCustomView = ZCRMCustomView.fromJson(json.custom_view, apiName ?? undefined);
    out.defaultCustomViewId = out.defaultCustomView.id;
  }
  if ('territory' in json) {
    const territory = isJsonObject(json.territory) ? json.territory : undefined;
    out.defaultTerritoryId = territory ? (idString(territory.id) ?? null) : null;
    out.defaultTerritoryName = territory ? (str(territory.name) ?? null) : null;
  }
  if ('parent_module' in json) out.parentModule = json.parent_module;
  return out;
}

/**
 * The body item of `PUT settings/modules/{api_name}` from a module's settings: `per_page`,
 * `business_card_fields`, `default_custom_view: {id}`, `territory: {id}` and `related_list_properties`, each only
 * when set. (The seed always sent `business_card_fields`, clearing the card of a module built with `getInstance`.)
 */
export function moduleSettingsToJson(settings: ModuleProperties): Json {
  const out: Json = {};
  if (settings.perPage !== undefined && settings.perPage !== null) out.per_page = settings.perPage;
  if (settings.businessCardFields !== undefined) out.business_card_fields = settings.businessCardFields;
  const viewId = settings.defaultCustomView?.id ?? settings.defaultCustomViewId;
  if (viewId) out.default_custom_view = { id: viewId };
  if (settings.defaultTerritoryId !== undefined)
    out.territory = settings.defaultTerritoryId === null ? null : { id: settings.defaultTerritoryId };
  if (settings.relatedListProperties) out.related_list_properties = settings.relatedListProperties.toJson();
  return out;
}
