import { isJsonObject, idString } from './json-utils';
import type { ItemResultJson } from '../operations/item-results';
import { requireCount, requireId as requireIdArgument } from '../support/checks';

/**
 * Results of the settings and org bulk writes (taxes, variables, users), whose per-item results come under their
 * own key (`taxes`, `variables`, `users`) rather than `data`. Pairing results with inputs is the one mechanism of
 * `support/write-results.ts`, re-exported here.
 */
export { bulkWriteResponse, matchItemResults } from '../support/write-results';

/** Zoho's cap on items per write request (taxes, variables, users; https://www.zoho.com/crm/developer/docs/api/v2/api-limits.html). */
export const MAX_ITEMS_PER_WRITE = 100;

/** The new id a successful create reported (`details.id`). */
export function createdId(item: ItemResultJson): string | undefined {
  return isJsonObject(item.details) ? idString(item.details.id) : undefined;
}

/**
 * Checks a bulk write's size: 1..100 items (the seed zcrmsdk's limit), before any request.
 * @deprecated Use `requireCount(items, what, MAX_ITEMS_PER_WRITE)` from `support/checks`.
 */
export function checkBatch(what: string, items: readonly unknown[] | undefined): void {
  requireCount(items, what, MAX_ITEMS_PER_WRITE);
}

/**
 * Checks that a required id is a non-empty string.
 * @deprecated Use `requireId(id, what)` from `support/checks` (value first, as its other checks).
 */
export function requireId(what: string, id: string | undefined | null): string {
  return requireIdArgument(id, what);
}
