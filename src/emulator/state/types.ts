/**
 * The emulator's whole state as plain JSON-able objects, so `--state FILE` can persist it with one
 * `JSON.stringify` and reload it unchanged.
 */

/** A field's metadata, in the compact form the seed files use; rendered to Zoho's field JSON by `crm/metadata-render`. */
export interface FieldDef {
  api_name: string;
  field_label: string;
  data_type: string;
  length?: number;
  decimal_place?: number | null;
  /** System mandatory: every insert must carry it. */
  system_mandatory?: boolean;
  read_only?: boolean;
  custom_field?: boolean;
  /** Unique fields get duplicate checks on insert/update/upsert. */
  unique?: boolean;
  /** Allowed values for picklists (the `-None-` entry is added when rendering). */
  pick_list_values?: string[];
  /** Picklist that rejects values outside `pick_list_values` (Zoho accepts unknown values by default). */
  restricted?: boolean;
  /** Target module of a lookup / multi-select lookup. */
  lookup_module?: string;
  id?: string;
}

export interface RelatedListDef {
  api_name: string;
  display_label: string;
  /** Module of the related records (`Notes`, `Attachments`, `Products` …). */
  module: string;
  /** How the relation is stored: a lookup field on the child, a many-to-many link, or a built-in child list. */
  kind: 'lookup' | 'link' | 'notes' | 'attachments' | 'activities';
  /** For `lookup`: the child's field that points at the parent. */
  lookup_field?: string;
  id?: string;
}

export interface ModuleDef {
  api_name: string;
  module_name?: string;
  singular_label: string;
  plural_label: string;
  generated_type: 'default' | 'custom' | 'web' | 'linking';
  /** Field holding the record's display name (lookups render `{name, id}` from it). */
  display_field: string;
  fields: FieldDef[];
  /** Zoho's system duplicate-check fields for upsert (in order). */
  duplicate_check_fields?: string[];
  related_lists?: RelatedListDef[];
  api_supported?: boolean;
  creatable?: boolean;
  editable?: boolean;
  deletable?: boolean;
  viewable?: boolean;
  convertable?: boolean;
  /** Records of this module may carry a photo. */
  photo?: boolean;
  /** Module scope name used by `ZohoCRM.modules.{scope}.*` (lowercase, e.g. `salesorders`). */
  scope?: string;
  id?: string;
  sequence_number?: number;
  per_page?: number;
  business_card_fields?: string[];
  modified_time?: string | null;
}

/** One stored record: field values in wire form, lookups kept as `{ id }` and resolved when rendered. */
export type StoredRecord = Record<string, unknown> & { id: string };

export interface DeletedRecord {
  id: string;
  module: string;
  display_name: string;
  type: 'recycle' | 'permanent';
  deleted_time: string;
  deleted_by: string;
  created_by: string;
}

export interface AttachmentBlob {
  /** Base64 of the file's bytes (link attachments have none). */
  data?: string;
  contentType?: string;
}

export interface UserDef {
  id: string;
  zuid: string;
  first_name: string;
  last_name: string;
  email: string;
  status: 'active' | 'disabled' | 'deleted';
  confirm: boolean;
  role: string;
  profile: string;
  [key: string]: unknown;
}

export interface RoleDef {
  id: string;
  name: string;
  display_label: string;
  description?: string | null;
  reporting_to?: string | null;
  admin_user?: boolean;
  share_with_peers?: boolean;
}

export interface ProfileDef {
  id: string;
  name: string;
  display_label?: string;
  description?: string | null;
  default?: boolean;
  category?: boolean;
}

export interface OrgTax {
  id: string;
  name: string;
  display_label: string;
  value: number;
  sequence_number: number;
}

export interface TagDef {
  id: string;
  name: string;
  module: string;
  created_by: string;
  created_time: string;
  modified_by: string;
  modified_time: string;
}

export interface VariableDef {
  id: string;
  api_name: string;
  name: string;
  description?: string | null;
  type: string;
  value: unknown;
  variable_group: string;
}

export interface VariableGroupDef {
  id: string;
  api_name: string;
  name: string;
  display_label: string;
  description?: string | null;
}

export interface GrantCode {
  code: string;
  scope: string[];
  email: string;
  expiresAt: number;
  used: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  scope: string[];
  email: string;
  revoked: boolean;
  /** Times (epoch ms) access tokens were minted from it, for the 10-per-10-minutes limit. */
  mints: number[];
  createdAt: number;
}

export interface AccessTokenRecord {
  token: string;
  scope: string[];
  email: string;
  expiresAt: number;
  refreshToken?: string;
  revoked: boolean;
}

export interface OrgDef {
  id: string;
  company_name: string;
  primary_email: string;
  zgid: string;
  time_zone: string;
  /** Fixed UTC offset of `time_zone`, in minutes. */
  offset_minutes: number;
  currency: string;
  currency_symbol: string;
  iso_code: string;
  country_code: string;
  [key: string]: unknown;
}

export interface EmulatorState {
  version: 1;
  idCursor: number;
  org: OrgDef;
  users: UserDef[];
  roles: RoleDef[];
  profiles: ProfileDef[];
  modules: ModuleDef[];
  taxes: OrgTax[];
  records: Record<string, Record<string, StoredRecord>>;
  deleted: DeletedRecord[];
  /** Many-to-many links: `${module}:${id}:${relatedList}` → related ids with relation data. */
  links: Record<string, Record<string, Record<string, unknown>>>;
  /** Attachment bytes by attachment id; photo bytes by `${module}:${recordId}`. */
  files: Record<string, AttachmentBlob>;
  photos: Record<string, AttachmentBlob>;
  tags: TagDef[];
  variables: VariableDef[];
  variableGroups: VariableGroupDef[];
  oauth: {
    /** The registered OAuth client (kept with the state so saved tokens stay valid across restarts). */
    client?: { clientId: string; clientSecret: string };
    grants: Record<string, GrantCode>;
    refreshTokens: Record<string, RefreshTokenRecord>;
    accessTokens: Record<string, AccessTokenRecord>;
  };
  /** Everything else route families keep (jobs, blueprints …), keyed by family. */
  extra: Record<string, unknown>;
}
