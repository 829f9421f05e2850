import { itemError, ItemResult } from '../zoho-error';

/**
 * A per-record write failure. Validation code deep inside a write (line items, participants …) throws it;
 * the write path catches it and answers the item with `result`, leaving stored data untouched.
 */
export class ItemFailure extends Error {
  constructor(readonly result: ItemResult) {
    super(result.message);
  }
}

/** Factories own Zoho's per-record codes and messages (wire spec §3.3). */
export const ItemErrors = {
  mandatory: (apiName: string) =>
    itemError('MANDATORY_NOT_FOUND', 'required field not found', { api_name: apiName }),
  /** A value of the wrong type; `expected_data_type` names the field's data type. */
  invalidType: (apiName: string, expectedType: string) =>
    itemError('INVALID_DATA', 'invalid data', { api_name: apiName, expected_data_type: expectedType }),
  /** A value of the right type that the field does not allow (unknown picklist value, range …). */
  invalidValue: (apiName: string) => itemError('INVALID_DATA', 'invalid data', { api_name: apiName }),
  tooLong: (apiName: string, maximumLength: number) =>
    itemError('INVALID_DATA', 'invalid data', { api_name: apiName, maximum_length: maximumLength }),
  invalidId: (id: unknown) => itemError('INVALID_DATA', 'the id given seems to be invalid', { id }),
  duplicate: (apiName: string, existingId: string) =>
    itemError('DUPLICATE_DATA', 'duplicate data', { api_name: apiName, id: existingId }),
  notDeleted: (id: unknown) => itemError('INVALID_DATA', 'record not deleted', { id }),
  invalidJson: () => itemError('INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject' }),
  tooManyParticipants: () =>
    itemError('LIMIT_EXCEEDED', 'Only 50 participants can be added to an event.', {
      api_name: 'Participants',
      limit: 50,
    }),
};

/** Throws the item error: `fail(ItemErrors.mandatory('Last_Name'))`. */
export function fail(result: ItemResult): never {
  throw new ItemFailure(result);
}
