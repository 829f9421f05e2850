import { idString, isJsonObject, Json, str } from '../mappers/json-utils';
import { moduleName } from '../mappers/settings-json';

/**
 * What a lookup field points at (`lookup`) or a field's `related_details`: the related list it adds to the target
 * module and that module. Data only.
 */
export class ZCRMLookupField {
  apiName?: string | null;
  id?: string;
  displayLabel?: string | null;
  /** API name of the target module (Zoho sends a name or `{api_name, id}`; both read here). */
  module?: string | null;
  /** Id of the target module, when Zoho sent the object form. */
  moduleId?: string;
  fieldLabel?: string | null;
  /** `_type`. */
  type?: string | null;

  constructor(apiName?: string | null) {
    if (apiName !== undefined) this.apiName = apiName;
  }

  /** Builds a lookup description without a request. */
  static getInstance(apiName?: string | null): ZCRMLookupField {
    return new ZCRMLookupField(apiName);
  }

  /** Parses a field's `lookup` or `related_details` object. */
  static fromJson(json: Json): ZCRMLookupField {
    const lookup = new ZCRMLookupField(str(json.api_name));
    lookup.id = idString(json.id);
    lookup.displayLabel = str(json.display_label);
    lookup.module = moduleName(json.module);
    if (isJsonObject(json.module)) lookup.moduleId = idString(json.module.id);
    if ('field_label' in json) lookup.fieldLabel = str(json.field_label);
    if ('_type' in json) lookup.type = str(json._type);
    return lookup;
  }
}
