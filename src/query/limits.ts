/**
 * Zoho's query limits for the API version zcrm pins (v2; https://www.zoho.com/crm/developer/docs/api/v2/get-records.html), checked when a query
 * is compiled so nothing is sent that Zoho would refuse. Each has a name that errors carry.
 */
export const QUERY_LIMITS = {
  /** Conditions in one search `criteria`. */
  SEARCH_CRITERIA: 10,
  /** Values of one search `in`. */
  SEARCH_IN_VALUES: 100,
  /** Records search reaches, however paged (`page × per_page`). */
  SEARCH_RECORDS: 2000,
  /** Records per page of the list and search APIs. */
  PER_PAGE: 200,
  /** Comparisons in one COQL `where`. */
  COQL_CRITERIA: 25,
  /** Values of one COQL `in`. */
  COQL_IN_VALUES: 50,
  /** Columns one COQL `select` may name. */
  COQL_COLUMNS: 50,
  /** COQL `limit` per call. */
  COQL_LIMIT: 2000,
  /** Records COQL reaches by LIMIT/OFFSET (`offset + limit`). */
  COQL_OFFSET: 10_000,
} as const;

/** The name of a limit, as errors report it. */
export type QueryLimitName = keyof typeof QUERY_LIMITS;
