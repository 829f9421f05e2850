import { Json, str } from '../mappers/json-utils';
import { fieldName } from '../mappers/settings-json';

/** One condition of a custom view's criteria: `field comparator value`. Data only. */
export class ZCRMCustomViewCriteria {
  /** Field API name. */
  field?: string | null;
  /** `equal`, `not_equal`, `greater_equal`, `contains` … */
  comparator?: string | null;
  /** The value compared with, as sent (may be a macro such as `${CURRENTUSER}`). */
  value?: unknown;

  /** Builds an empty criterion without a request. */
  static getInstance(): ZCRMCustomViewCriteria {
    return new ZCRMCustomViewCriteria();
  }

  /** Parses one leaf condition `{field, comparator, value}` (`field` a name or `{api_name, id}`). */
  static fromJson(json: Json): ZCRMCustomViewCriteria {
    const criteria = new ZCRMCustomViewCriteria();
    criteria.field = fieldName(json.field);
    criteria.comparator = str(json.comparator);
    criteria.value = json.value;
    return criteria;
  }
}
