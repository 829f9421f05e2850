import type { ItemResult } from '../zoho-error';

/**
 * A per-record write failure. Validation code deep inside a write (line items, participants …) throws it;
 * the write path catches it and answers the item with `result`, leaving stored data untouched.
 */
export class ItemFailure extends Error {
  constructor(readonly result: ItemResult) {
    super(result.message);
  }
}

/** Throws the item error: `fail(ItemErrors.mandatory('Last_Name'))`. */
export function fail(result: ItemResult): never {
  throw new ItemFailure(result);
}
