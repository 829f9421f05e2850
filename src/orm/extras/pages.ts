import type { BulkAPIResponse } from '../../api/responses/bulk-api-response';
import { paging } from '../../api/support/checks';

/**
 * Which part of a sub-resource list to read. Without `page` every page is read (following
 * `info.more_records`), so nothing is left out; with `page`, that one page only.
 */
export interface ListOptions {
  /** One page only (pages start at 1). */
  page?: number;
  /** Records per request, 1 to 200 (default 200). */
  perPage?: number;
}

/** Largest page Zoho serves on the list endpoints. */
const MAX_PER_PAGE = 200;

/**
 * Reads a list one page or every page: `fetch(page, perPage)` reads one page through the API service.
 * Paging options are checked before the first request; `operation` names the call in messages (`Lead.notes()`).
 */
export async function collectPages<T>(
  options: ListOptions,
  operation: string,
  fetch: (page: number, perPage: number) => Promise<BulkAPIResponse<T>>,
): Promise<T[]> {
  const { page, perPage } = paging(
    options,
    { page: 1, perPage: MAX_PER_PAGE },
    operation.replace(/\(\)$/, ''),
  );
  const items: T[] = [];
  for (let current = page; ; current++) {
    const response = await fetch(current, perPage);
    items.push(...response.data);
    if (options.page !== undefined || response.data.length === 0 || response.info?.moreRecords !== true)
      return items;
  }
}
