import { idString, Json, str } from '../mappers/json-utils';
import { objects } from '../mappers/settings-json';
import { ZCRMLeadConvertMappingField } from './zcrm-lead-convert-mapping-field';

/**
 * How a lead converts into one module (`Contacts`, `Deals`, `Accounts`): the target layout and the fields the
 * conversion fills. The Leads layout carries one per target (`ZCRMLayout.convertMapping`). Data only.
 */
export class ZCRMLeadConvertMapping {
  /** Name of the target module's layout. */
  name?: string | null;
  /** Id of the target module's layout. */
  id?: string;
  fields: ZCRMLeadConvertMappingField[] = [];

  constructor(name?: string | null, id?: string) {
    if (name !== undefined) this.name = name;
    if (id !== undefined) this.id = id;
  }

  /** Builds a mapping without a request (seed order: name, id). */
  static getInstance(name?: string | null, id?: string): ZCRMLeadConvertMapping {
    return new ZCRMLeadConvertMapping(name, id);
  }

  /** Parses one `convert_mapping.<Module>` object. */
  static fromJson(json: Json): ZCRMLeadConvertMapping {
    const mapping = new ZCRMLeadConvertMapping(str(json.name), idString(json.id));
    mapping.fields = objects(json.fields).map((f) => ZCRMLeadConvertMappingField.fromJson(f));
    return mapping;
  }
}
