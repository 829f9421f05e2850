import { bool, idString, Json, num, str } from '../mappers/json-utils';
import { moduleName } from '../mappers/settings-json';

/**
 * A related list of a module as the metadata API describes it (`settings/related_lists`). To read or link its
 * records, use `ZCRMRecord.getRelatedListRecords(apiName)` or a `ZCRMModuleRelation`.
 */
export class ZCRMModuleRelatedList {
  apiName?: string | null;
  id?: string;
  /** API name of the module whose records the list shows. */
  module?: string | null;
  displayLabel?: string | null;
  name?: string | null;
  /** `default` (lookup-based or system) or `custom`. */
  type?: string | null;
  /** URL template of the records, e.g. `Leads/{ENTITYID}/Notes`. */
  href?: string | null;
  isVisible?: boolean | null;
  sequenceNumber?: number | null;
  action?: string | null;
  connectedModule?: string | null;
  linkingModule?: string | null;

  constructor(apiName?: string | null) {
    if (apiName !== undefined) this.apiName = apiName;
  }

  /** Builds a related-list object without a request (`ZCRMModuleRelatedList.getInstance(apiName)`). */
  static getInstance(apiName?: string | null): ZCRMModuleRelatedList {
    return new ZCRMModuleRelatedList(apiName);
  }

  /** Fills this object from a `related_lists` element (the seed's `set_relatedlist_properties`); returns it. */
  setRelatedListProperties(json: Json): this {
    if ('api_name' in json) this.apiName = str(json.api_name);
    this.id = idString(json.id);
    this.module = moduleName(json.module);
    this.displayLabel = str(json.display_label);
    this.name = str(json.name);
    this.type = str(json.type);
    this.href = str(json.href);
    this.isVisible = bool(json.visible);
    this.sequenceNumber = num(json.sequence_number);
    this.action = str(json.action);
    this.connectedModule = moduleName(json.connectedmodule);
    this.linkingModule = moduleName(json.linkingmodule);
    return this;
  }

  /** Parses one `related_lists` element. */
  static fromJson(json: Json): ZCRMModuleRelatedList {
    return new ZCRMModuleRelatedList(str(json.api_name)).setRelatedListProperties(json);
  }
}
