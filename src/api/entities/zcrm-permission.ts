import { bool, idString, Json, str } from '../mappers/json-utils';

/** One permission of a profile (`permissions_details[]` of `GET settings/profiles/{id}`). Data only. */
export class ZCRMPermission {
  id?: string;
  /** Zoho's key, e.g. `Crm_Implied_View_Leads`. */
  name?: string | null;
  displayLabel?: string | null;
  /** Module API name the permission applies to; `null` for org-wide permissions. */
  module?: string | null;
  isEnabled?: boolean | null;

  constructor(name?: string | null, id?: string) {
    if (name !== undefined) this.name = name;
    if (id !== undefined) this.id = id;
  }

  /** Builds a permission object without a request (seed order: name, id). */
  static getInstance(name?: string | null, id?: string): ZCRMPermission {
    return new ZCRMPermission(name, id);
  }

  /** Parses one `permissions_details` element. */
  static fromJson(json: Json): ZCRMPermission {
    const permission = new ZCRMPermission(str(json.name), idString(json.id));
    permission.displayLabel = str(json.display_label);
    permission.module = str(json.module);
    permission.isEnabled = bool(json.enabled);
    return permission;
  }
}
