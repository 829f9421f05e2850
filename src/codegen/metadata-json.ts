/**
 * The parts of Zoho's metadata JSON (https://www.zoho.com/crm/developer/docs/api/v2/modules-api.html) model generation reads. Everything is optional:
 * generation copes with what an org (or an older API version) leaves out.
 */

/** One element of `GET settings/modules` → `modules`. */
export interface ModuleJson {
  api_name?: string;
  module_name?: string;
  singular_label?: string;
  plural_label?: string;
  generated_type?: string;
  api_supported?: boolean;
  modified_time?: string | null;
  [key: string]: unknown;
}

/** One element of `pick_list_values`. */
export interface PickListValueJson {
  display_value?: string;
  actual_value?: string;
  [key: string]: unknown;
}

/** One element of `GET settings/fields?module=` → `fields`. */
export interface FieldJson {
  api_name?: string;
  field_label?: string;
  display_label?: string;
  data_type?: string;
  json_type?: string;
  read_only?: boolean;
  field_read_only?: boolean;
  system_mandatory?: boolean;
  /** The most characters (text fields) or digits (numbers) the field holds. */
  length?: number;
  pick_list_values?: PickListValueJson[] | null;
  /** Picklists that reject values outside their list (Zoho picklists accept new values unless restricted). */
  restricted?: boolean;
  /** `{module: {api_name, id} | "Accounts", api_name, display_label, id}`; `{}` for owner lookups. */
  lookup?: { module?: { api_name?: string } | string | null; [key: string]: unknown } | null;
  /** `{module: "Visits" | {api_name}, …}`: the module whose fields are the subform's columns. */
  subform?: { module?: { api_name?: string } | string | null; [key: string]: unknown } | null;
  formula?: { return_type?: string | null; [key: string]: unknown } | null;
  [key: string]: unknown;
}

/** What generation works from: the modules to generate, their fields, and when and where they were read. */
export interface ModelSource {
  modules: ModuleJson[];
  /** Fields by module API name; subform modules included when the org reports them. */
  fields: Record<string, FieldJson[]>;
  /** Every module API name the org has (lookups to modules not generated become `Ref<CrmRecord>`). */
  allModules?: string[];
  /** When the metadata was read (the server's `Date` when it sent one), ISO 8601. */
  fetchedAt: string;
  /** The CRM API origin it was read from. */
  origin?: string;
}
