import type { QueryNode } from '../ast';

/** Which Zoho API runs a query. */
export type QueryBackend = 'list' | 'search' | 'coql';

/** Query-string parameters of a compiled request. */
export type CompiledParams = Record<string, string | number>;

/**
 * What will be sent for one call of a query: the request for `client.request({ method, path, params,
 * body })` (path relative to `/crm/v2/`), plus the readable text. A query reading more records than one
 * call returns is run as several calls over consecutive windows.
 */
export interface CompiledQuery {
  readonly backend: QueryBackend;
  readonly method: 'GET' | 'POST';
  /** `Invoices`, `Invoices/search` or `coql`. */
  readonly path: string;
  readonly params: Readonly<CompiledParams>;
  /** COQL's `{ select_query }`. */
  readonly body?: { readonly select_query: string };
  /** The COQL statement, the search criteria, or the list query string. */
  readonly text: string;
  readonly module: string;
  /** Records skipped before this call's first one. */
  readonly offset: number;
  /** Records this call asks for at most (`per_page` or COQL `limit`). */
  readonly limit: number;
  /** The API names of the fields the query selects (`select`); undefined when it reads every field. */
  readonly select?: readonly string[];
}

/** Options of the compilers. */
export interface CompileOptions {
  /**
   * Records per call. Default: the query's `take` up to the per-call maximum, otherwise 200 (a full page of
   * the list and search APIs, and COQL's cheapest credit band).
   */
  pageSize?: number;
}

/** The `select` entry of a compiled query (nothing when the query reads every field). */
export function selectOf(node: QueryNode): { select?: readonly string[] } {
  return node.select ? { select: Object.freeze(node.select.map((f) => f.apiName)) } : {};
}
