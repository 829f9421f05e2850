import { Json, putDefined, str } from '../mappers/json-utils';
import { strings } from '../mappers/settings-json';

/** How a module's related lists sort and which columns they show (`related_list_properties`). */
export class ZCRMRelatedListProperties {
  sortBy?: string | null;
  // `string & {}` keeps the known values offered by editors next to any other string.
  sortOrder?: 'asc' | 'desc' | (string & {}) | null;
  /** Column API names. */
  fields?: string[];

  /** Builds an empty object without a request; set it on a module and call `updateModuleSettings()`. */
  static getInstance(): ZCRMRelatedListProperties {
    return new ZCRMRelatedListProperties();
  }

  /** Parses a `related_list_properties` object. */
  static fromJson(json: Json): ZCRMRelatedListProperties {
    const props = new ZCRMRelatedListProperties();
    props.sortBy = str(json.sort_by);
    props.sortOrder = str(json.sort_order);
    props.fields = strings(json.fields);
    return props;
  }

  /** The JSON `updateModuleSettings` sends: the attributes that are set. */
  toJson(): Json {
    const out: Json = {};
    putDefined(out, 'sort_by', this.sortBy);
    putDefined(out, 'sort_order', this.sortOrder);
    putDefined(out, 'fields', this.fields);
    return out;
  }
}
