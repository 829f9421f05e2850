import { Json, str } from '../mappers/json-utils';
import { objects } from '../mappers/settings-json';
import { ZCRMProfileCategory } from './zcrm-profile-category';

/** A section of a profile's permissions (`modules`, `general` …) with its categories. Data only. */
export class ZCRMProfileSection {
  name?: string | null;
  categories: ZCRMProfileCategory[] = [];

  constructor(name?: string | null) {
    if (name !== undefined) this.name = name;
  }

  /** Builds a section object without a request. */
  static getInstance(name?: string | null): ZCRMProfileSection {
    return new ZCRMProfileSection(name);
  }

  /** Parses one `sections[]` element of a profile. */
  static fromJson(json: Json): ZCRMProfileSection {
    const section = new ZCRMProfileSection(str(json.name));
    section.categories = objects(json.categories).map((c) => ZCRMProfileCategory.fromJson(c));
    return section;
  }
}
