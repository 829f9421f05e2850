import type { QueryNode } from '../ast';
import { QueryErrors } from '../query-errors';
import { CompiledParams, CompiledQuery, CompileOptions, selectOf } from './compiled-query';
import { pageWindow } from './windows';

/**
 * Why the list API (`GET /{module}`, https://www.zoho.com/crm/developer/docs/api/v2/get-records.html) cannot run a query, or undefined when it can: it does
 * not filter, sorts by at most one field, and pages by `page`/`per_page`.
 */
export function listUnsuitability(node: QueryNode, options: CompileOptions = {}): string | undefined {
  if (node.where) return 'it cannot filter records (use search or COQL)';
  if (node.order.length > 1) return `it sorts by one field, this query by ${node.order.length}`;
  const window = pageWindow(node, options, 'list');
  return typeof window === 'string' ? window : undefined;
}

/**
 * Compiles a query without filter to list-API parameters: `fields` (from `select`), `sort_by` +
 * `sort_order` (ascending by id when no order is given, as search and COQL return records), `page`,
 * `per_page`.
 */
export function compileListParams(node: QueryNode, options: CompileOptions = {}): CompiledQuery {
  const reason = listUnsuitability(node, options);
  if (reason !== undefined) throw QueryErrors.backendCannotRun('list', reason);
  const window = pageWindow(node, options, 'list') as Exclude<ReturnType<typeof pageWindow>, string>;
  const params: CompiledParams = {};
  if (node.select) params.fields = node.select.map((f) => f.apiName).join(',');
  const [order] = node.order;
  if (order) params.sort_by = order.field.apiName;
  params.sort_order = order?.direction ?? 'asc';
  params.page = window.page;
  params.per_page = window.perPage;
  const path = encodeURIComponent(node.module);
  return Object.freeze({
    backend: 'list',
    method: 'GET',
    path,
    params: Object.freeze(params),
    text: `GET ${path}?${new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]))}`,
    module: node.module,
    offset: node.skip,
    limit: window.perPage,
    ...selectOf(node),
  });
}
