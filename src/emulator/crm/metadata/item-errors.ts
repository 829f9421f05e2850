import { itemError, ItemResult } from '../zoho-error';

/** Per-item errors shared by the settings and org write APIs (wire spec §3.3 codes and messages). */
export const ItemErrors = {
  notAnObject: (): ItemResult =>
    itemError('INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject' }),
  invalid: (apiName: string, extra: Record<string, unknown> = {}, message = 'invalid data'): ItemResult =>
    itemError('INVALID_DATA', message, { api_name: apiName, ...extra }),
  missing: (apiName: string): ItemResult =>
    itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: apiName }),
};
