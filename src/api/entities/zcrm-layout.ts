import { bool, idString, isJsonObject, Json, str } from '../mappers/json-utils';
import { objects } from '../mappers/settings-json';
import { parseUser } from '../mappers/user-mapper';
import type { ZCRMUser } from './zcrm-user';
import { ZCRMLeadConvertMapping } from './zcrm-lead-convert-mapping';
import { ZCRMProfile } from './zcrm-profile';
import { ZCRMSection } from './zcrm-section';

/**
 * A module layout. Records reference theirs as `Layout: {name, id}` (see {@link ZCRMLayout.getInstance});
 * `ZCRMModule.getAllLayouts()` / `getLayout(id)` fill the rest: sections with their fields, the profiles that may
 * use it, and for Leads the conversion mapping per target module.
 */
export class ZCRMLayout {
  id?: string;
  name?: string | null;
  createdTime?: string | null;
  modifiedTime?: string | null;
  isVisible?: boolean | null;
  createdBy?: ZCRMUser;
  modifiedBy?: ZCRMUser;
  /** Zoho's layout status code (0 = active). */
  status?: unknown;
  /** Profiles that may use the layout; `isDefault` marks those whose default layout it is. */
  accessibleProfiles: ZCRMProfile[] = [];
  sections: ZCRMSection[] = [];
  /** Leads only: the conversion mapping per target module (`Contacts`, `Deals`, `Accounts`). */
  convertMapping: Record<string, ZCRMLeadConvertMapping> = {};

  constructor(id?: string, name?: string | null) {
    if (id !== undefined) this.id = id;
    if (name !== undefined) this.name = name;
  }

  /** Builds a layout object without a request (`ZCRMLayout.getInstance(layoutId)`). */
  static getInstance(id?: string, name?: string | null): ZCRMLayout {
    return new ZCRMLayout(id, name);
  }

  /** Parses a layout object (https://www.zoho.com/crm/developer/docs/api/v2/layouts-meta.html) or a record's `{name, id}` reference. */
  static fromJson(json: Json): ZCRMLayout {
    const layout = new ZCRMLayout(idString(json.id), str(json.name));
    if ('created_time' in json) layout.createdTime = str(json.created_time);
    if ('modified_time' in json) layout.modifiedTime = str(json.modified_time);
    if ('visible' in json) layout.isVisible = bool(json.visible);
    if ('status' in json) layout.status = json.status;
    const createdBy = parseUser(json.created_by);
    if (createdBy) layout.createdBy = createdBy;
    const modifiedBy = parseUser(json.modified_by);
    if (modifiedBy) layout.modifiedBy = modifiedBy;
    layout.accessibleProfiles = objects(json.profiles).map((p) => ZCRMProfile.fromJson(p));
    layout.sections = objects(json.sections).map((s) => ZCRMSection.fromJson(s));
    if (isJsonObject(json.convert_mapping)) {
      for (const [module, mapping] of Object.entries(json.convert_mapping)) {
        if (isJsonObject(mapping)) layout.convertMapping[module] = ZCRMLeadConvertMapping.fromJson(mapping);
      }
    }
    return layout;
  }
}
