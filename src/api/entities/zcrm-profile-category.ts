import { Json, str } from '../mappers/json-utils';
import { strings } from '../mappers/settings-json';

/** A category of a profile section: a module or a group of org permissions, with the ids of its permissions. */
export class ZCRMProfileCategory {
  name?: string | null;
  displayLabel?: string | null;
  /** Module API name, for module categories. */
  module?: string | null;
  /** Ids of the {@link ZCRMPermission}s in this category (`permissions_details`). */
  permissionIds: string[] = [];

  constructor(name?: string | null) {
    if (name !== undefined) this.name = name;
  }

  /** Builds a category object without a request. */
  static getInstance(name?: string | null): ZCRMProfileCategory {
    return new ZCRMProfileCategory(name);
  }

  /** Parses one `sections[].categories[]` element. */
  static fromJson(json: Json): ZCRMProfileCategory {
    const category = new ZCRMProfileCategory(str(json.name));
    category.displayLabel = str(json.display_label);
    category.module = str(json.module);
    category.permissionIds = strings(json.permissions_details) ?? [];
    return category;
  }
}
