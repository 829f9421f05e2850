import { bool, idString, isJsonObject, Json, str } from '../mappers/json-utils';
import { parseUser } from '../mappers/user-mapper';
import type { ZCRMUser } from './zcrm-user';

/** A CRM role (`settings/roles`) and its place in the role hierarchy. Data only. */
export class ZCRMRole {
  id?: string;
  name?: string | null;
  displayLabel?: string | null;
  description?: string | null;
  /** `admin_user`: members see every record. */
  isAdmin?: boolean | null;
  /** The superior role (`{name, id}` only); `null` at the top of the hierarchy. */
  reportingTo?: ZCRMRole | null;
  forecastManager?: ZCRMUser | null;
  shareWithPeers?: boolean | null;

  constructor(id?: string, name?: string | null) {
    if (id !== undefined) this.id = id;
    if (name !== undefined) this.name = name;
  }

  /** Builds a role object without a request (`ZCRMRole.getInstance(id, name)`). */
  static getInstance(id?: string, name?: string | null): ZCRMRole {
    return new ZCRMRole(id, name);
  }

  /** Parses a role object or a `{name, id}` reference. */
  static fromJson(json: Json): ZCRMRole {
    const role = new ZCRMRole(idString(json.id), str(json.name));
    if ('display_label' in json) role.displayLabel = str(json.display_label);
    if ('description' in json) role.description = str(json.description);
    if ('admin_user' in json) role.isAdmin = bool(json.admin_user);
    if ('share_with_peers' in json) role.shareWithPeers = bool(json.share_with_peers);
    if ('reporting_to' in json)
      role.reportingTo = isJsonObject(json.reporting_to) ? ZCRMRole.fromJson(json.reporting_to) : null;
    if ('forecast_manager' in json) role.forecastManager = parseUser(json.forecast_manager) ?? null;
    return role;
  }
}
