import { bool, idString, Json, str } from '../mappers/json-utils';
import { objects } from '../mappers/settings-json';
import { parseUser } from '../mappers/user-mapper';
import type { ZCRMUser } from './zcrm-user';
import { ZCRMPermission } from './zcrm-permission';
import { ZCRMProfileSection } from './zcrm-profile-section';

/**
 * A CRM profile (`settings/profiles`). Lists carry the summary; `ZCRMOrganization.getProfile(id)` adds the
 * permissions and their sections. Layouts list the profiles that may use them with `isDefault`. Data only.
 */
export class ZCRMProfile {
  id?: string;
  name?: string | null;
  displayLabel?: string | null;
  /** True for the profile new users get (and, in a layout's profile list, for the profile's default layout). */
  isDefault?: boolean | null;
  description?: string | null;
  category?: unknown;
  createdTime?: string | null;
  modifiedTime?: string | null;
  createdBy?: ZCRMUser;
  modifiedBy?: ZCRMUser;
  permissions: ZCRMPermission[] = [];
  sections: ZCRMProfileSection[] = [];

  constructor(id?: string, name?: string | null) {
    if (id !== undefined) this.id = id;
    if (name !== undefined) this.name = name;
  }

  /** Builds a profile object without a request (`ZCRMProfile.getInstance(id, name)`). */
  static getInstance(id?: string, name?: string | null): ZCRMProfile {
    return new ZCRMProfile(id, name);
  }

  /** Parses a profile object, a `{name, id}` reference, or a layout's `{name, id, default}` entry. */
  static fromJson(json: Json): ZCRMProfile {
    const profile = new ZCRMProfile(idString(json.id), str(json.name));
    if ('display_label' in json) profile.displayLabel = str(json.display_label);
    if ('default' in json) profile.isDefault = bool(json.default);
    if ('description' in json) profile.description = str(json.description);
    if ('category' in json) profile.category = json.category;
    if ('created_time' in json) profile.createdTime = str(json.created_time);
    if ('modified_time' in json) profile.modifiedTime = str(json.modified_time);
    const createdBy = parseUser(json.created_by);
    if (createdBy) profile.createdBy = createdBy;
    const modifiedBy = parseUser(json.modified_by);
    if (modifiedBy) profile.modifiedBy = modifiedBy;
    profile.permissions = objects(json.permissions_details).map((p) => ZCRMPermission.fromJson(p));
    profile.sections = objects(json.sections).map((s) => ZCRMProfileSection.fromJson(s));
    return profile;
  }
}
