import { ZohoApiError } from '../zoho-error';

/**
 * Errors only search and COQL answer. Codes and messages come from docs/zoho-v2-notes.md §5.8–5.9; the `details`
 * shapes follow Zoho's v8 OpenAPI examples where the v2 documentation shows none.
 */
export const QueryErrors = {
  /** Search pages past the 2,000th record. */
  limitReached: (limit: number) =>
    new ZohoApiError(400, 'LIMIT_REACHED', 'Maximum response iteration limit reached', {
      limit: String(limit),
    }),
  /** Search with none of `criteria`, `email`, `phone`, `word`. */
  searchParamMissing: (params: readonly string[]) =>
    new ZohoApiError(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', {
      param_names: [...params],
    }),
  /** [I] v8's code and wording for too many criteria, with v2's limit of 10. */
  criteriaLimitExceeded: (limit: number) =>
    new ZohoApiError(
      400,
      'CRITERIA_LIMIT_EXCEEDED',
      `no of criterium that can be given exceed the limit ${limit}`,
    ),
  /** A `word` search shorter than two characters. */
  wordTooShort: () =>
    new ZohoApiError(400, 'INVALID_DATA', 'provide atleast 2 letters for search', { param_name: 'word' }),
  /** The same column selected twice in COQL. */
  duplicateColumn: (column: string) =>
    new ZohoApiError(400, 'DUPLICATE_DATA', 'duplicate select column', { column_name: column }),
  /** COQL body without `select_query` (v8 wording). */
  selectQueryMissing: () =>
    new ZohoApiError(400, 'MANDATORY_NOT_FOUND', 'mandatory key not found', { api_name: 'select_query' }),
  /** COQL `limit 0`. */
  limitNotPositive: () => new ZohoApiError(400, 'INVALID_DATA', 'limit should be greater than 0'),
};
