import { bool, idString, Json, str } from '../mappers/json-utils';

/** A field of a lead-conversion target that a conversion fills (`convert_mapping.<Module>.fields[]`). Data only. */
export class ZCRMLeadConvertMappingField {
  apiName?: string | null;
  id?: string;
  fieldLabel?: string | null;
  isRequired?: boolean | null;

  constructor(apiName?: string | null, id?: string) {
    if (apiName !== undefined) this.apiName = apiName;
    if (id !== undefined) this.id = id;
  }

  /** Builds a mapping field without a request (seed order: api name, id). */
  static getInstance(apiName?: string | null, id?: string): ZCRMLeadConvertMappingField {
    return new ZCRMLeadConvertMappingField(apiName, id);
  }

  /** Parses one `fields[]` element of a conversion mapping. */
  static fromJson(json: Json): ZCRMLeadConvertMappingField {
    const field = new ZCRMLeadConvertMappingField(str(json.api_name), idString(json.id));
    field.fieldLabel = str(json.field_label);
    field.isRequired = bool(json.required);
    return field;
  }
}
