import { itemError, ItemResult } from './zoho-error';

/**
 * Zoho's per-item error results (docs/zoho-v2-notes.md §3.3 codes and messages), one set for every write API: records,
 * notes, attachments, tags, related lists, settings and org.
 */
export const ItemErrors = {
  /** An item that is not a JSON object. */
  notAnObject: (): ItemResult =>
    itemError('INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject' }),
  mandatory: (apiName: string): ItemResult =>
    itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: apiName }),
  /** A value the key does not allow (unknown picklist value, range …); `extra` details and `message` where Zoho says more. */
  invalid,
  /** A value of the wrong type; `expected_data_type` names the field's data type. */
  invalidType: (apiName: string, expectedType: string): ItemResult =>
    invalid(apiName, { expected_data_type: expectedType }),
  tooLong: (apiName: string, maximumLength: number): ItemResult =>
    invalid(apiName, { maximum_length: maximumLength }),
  invalidId: (id: unknown): ItemResult =>
    itemError('INVALID_DATA', 'the id given seems to be invalid', { id }),
  /** A unique value already taken; `existingId` names the holder where Zoho reports it. */
  duplicate: (apiName: string, existingId?: string): ItemResult =>
    itemError(
      'DUPLICATE_DATA',
      'duplicate data',
      existingId === undefined ? { api_name: apiName } : { api_name: apiName, id: existingId },
    ),
  notDeleted: (id: unknown): ItemResult => itemError('INVALID_DATA', 'record not deleted', { id }),
};

function invalid(apiName: string, extra: Record<string, unknown> = {}, message = 'invalid data'): ItemResult {
  return itemError('INVALID_DATA', message, { api_name: apiName, ...extra });
}
