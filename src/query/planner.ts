import type { ModelClass } from '../metadata/field-metadata';
import { ComparisonNode, FieldRef, freezeNode, QueryNode } from './ast';
import { buildQuery } from './build-query';
import type { CompiledQuery, CompileOptions, QueryBackend } from './compilers/compiled-query';
import { compileCoql } from './compilers/coql';
import { compileListParams, listUnsuitability } from './compilers/list-params';
import { compileSearch, searchUnsuitability } from './compilers/search-criteria';
import { QUERY_LIMITS } from './limits';
import type { FindManyOptions } from './find-options';
import { QueryErrors } from './query-errors';
import { QueryCompileException } from '../errors/query-compile-exception';

/**
 * Why a backend cannot run a query, or undefined when it can, as the planner sees it. On top of what the
 * backend itself refuses, the planner sends to search only a bounded query (`take` given) whose records all
 * lie within search's 2,000: search results have no documented order, so a query that may need more cannot
 * be continued elsewhere.
 */
export function backendUnsuitability(
  node: QueryNode,
  backend: QueryBackend,
  options: CompileOptions = {},
): string | undefined {
  try {
    switch (backend) {
      case 'list':
        return listUnsuitability(node, options);
      case 'search': {
        if (node.take === undefined)
          return 'the query is unbounded (no take) and search stops at 2,000 records';
        if (node.skip + node.take > QUERY_LIMITS.SEARCH_RECORDS) {
          return `the query reaches record ${node.skip + node.take} and search stops at 2,000`;
        }
        const reason = searchUnsuitability(node, options);
        return reason === undefined ? undefined : typeof reason === 'string' ? reason : reason.errorMessage;
      }
      case 'coql':
        compileCoql(node, options);
        return undefined;
    }
  } catch (error) {
    if (error instanceof QueryCompileException) return error.errorMessage;
    throw error;
  }
}

/**
 * Picks the cheapest backend that can run a query and compiles its first call: the list API for a query
 * without filter, the search API for a bounded query with simple criteria, COQL for the rest. When none
 * can, COQL's error says why (a limit, by name).
 */
export function planQuery(node: QueryNode, options: CompileOptions = {}): CompiledQuery {
  if (backendUnsuitability(node, 'list', options) === undefined) return compileListParams(node, options);
  if (backendUnsuitability(node, 'search', options) === undefined) return compileSearch(node, options);
  return compileCoql(node, options);
}

/** Builds and plans in one step: what `Model.find(options)` sends first. */
export function compileQuery<T>(
  model: ModelClass<T>,
  options: FindManyOptions<T> = {},
  compileOptions: CompileOptions = {},
): CompiledQuery {
  return planQuery(buildQuery(model, options), compileOptions);
}

/** The record id as a query field. */
export const ID_FIELD: FieldRef = Object.freeze({
  property: 'id',
  apiName: 'id',
  kind: 'bigint',
  dataType: 'bigint',
});

/**
 * The same query restricted to records after `lastId`, in id order from the start: how a reader pages
 * past COQL's 10,000-record offset window (`where (… and id > lastId) order by id asc limit n`). Only for
 * queries in id order (no `order`, or `id` ascending); the id comparison counts toward the 25 criteria.
 */
export function keysetAfter(node: QueryNode, lastId: string): QueryNode {
  if (!/^\d+$/.test(lastId))
    throw QueryErrors.badOption('lastId', `must be a record id, got ${JSON.stringify(lastId)}`);
  const byId =
    node.order.length === 0 ||
    (node.order.length === 1 && node.order[0].field.apiName === 'id' && node.order[0].direction === 'asc');
  if (!byId) {
    throw QueryErrors.badOption(
      'order',
      'paging by id (past the first 10,000 records) needs records in id order: leave order out, or order by id ascending',
    );
  }
  const after: ComparisonNode = {
    type: 'comparison',
    field: ID_FIELD,
    operator: 'gt',
    values: [{ type: 'number', text: lastId }],
  };
  const where = !node.where
    ? after
    : node.where.type === 'and'
      ? { type: 'and' as const, children: [...node.where.children, after] }
      : { type: 'and' as const, children: [node.where, after] };
  return freezeNode({ ...node, where, order: [{ field: ID_FIELD, direction: 'asc' as const }], skip: 0 });
}
