import type { QueryNode } from '../ast';
import { QUERY_LIMITS } from '../limits';
import { QueryErrors } from '../query-errors';
import type { CompileOptions } from './compiled-query';

/** Records per call when neither `take` nor `pageSize` says otherwise. */
export const DEFAULT_PAGE_SIZE = 200;

/** How many records one call asks for: `pageSize`, else `take` up to `max`, else the default. */
export function callSize(node: QueryNode, options: CompileOptions, max: number): number {
  if (options.pageSize !== undefined) {
    if (!Number.isInteger(options.pageSize) || options.pageSize < 1) {
      throw QueryErrors.badOption(
        'pageSize',
        `must be a positive integer, got ${JSON.stringify(options.pageSize)}`,
      );
    }
    return options.pageSize;
  }
  return node.take !== undefined ? Math.min(node.take, max) : Math.min(DEFAULT_PAGE_SIZE, max);
}

/** A page of the list or search API. */
export interface PageWindow {
  page: number;
  perPage: number;
}

/**
 * The `page`/`per_page` that start at the query's `skip`, or a reason why none does (`skip` must be a
 * multiple of the page size). A page size over 200 is Zoho's limit.
 */
export function pageWindow(node: QueryNode, options: CompileOptions, backend: string): PageWindow | string {
  const perPage = callSize(node, options, QUERY_LIMITS.PER_PAGE);
  if (perPage > QUERY_LIMITS.PER_PAGE)
    throw QueryErrors.limitExceeded('PER_PAGE', perPage, `The ${backend} API`);
  if (node.skip % perPage !== 0) {
    return `skip (${node.skip}) is not a multiple of the page size (${perPage}), so no page starts there`;
  }
  return { page: node.skip / perPage + 1, perPage };
}
