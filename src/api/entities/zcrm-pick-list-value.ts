import { Json, num, str } from '../mappers/json-utils';

/** One choice of a picklist field (`pick_list_values[]`). Data only. */
export class ZCRMPickListValue {
  displayValue?: string | null;
  actualValue?: string | null;
  sequenceNumber?: number | null;
  /** Dependent picklist maps, as sent. */
  maps: unknown[] = [];
  type?: string | null;
  expectedDataType?: string | null;

  /** Builds an empty picklist value without a request. */
  static getInstance(): ZCRMPickListValue {
    return new ZCRMPickListValue();
  }

  /** Parses one `pick_list_values` element. */
  static fromJson(json: Json): ZCRMPickListValue {
    const value = new ZCRMPickListValue();
    value.displayValue = str(json.display_value);
    value.actualValue = str(json.actual_value);
    value.sequenceNumber = num(json.sequence_number);
    if (Array.isArray(json.maps)) value.maps = json.maps;
    if ('type' in json) value.type = str(json.type);
    if ('expected_data_type' in json) value.expectedDataType = str(json.expected_data_type);
    return value;
  }
}
