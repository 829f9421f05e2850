/**
 * Queries: TypeORM-style find options and operators → one AST → list-API parameters, search criteria or
 * COQL, whichever is the cheapest that can run the query, with Zoho's limits checked before sending.
 */
export * from './operators';
export type {
  FindManyOptions,
  FindOneOptions,
  FindOptionsOrder,
  FindOptionsSelect,
  FindOptionsWhere,
  OrderDirection,
  PropertyKeys,
  QueryableKeys,
  WhereValue,
} from './find-options';
export type {
  ComparisonNode,
  ComparisonOperator,
  ConditionNode,
  FieldRef,
  JunctionNode,
  LikePattern,
  Literal,
  OrderNode,
  QueryNode,
} from './ast';
export { comparisonsOf, countComparisons } from './ast';
export { valueKindOf } from '../metadata/data-types';
export type { ValueKind } from '../metadata/data-types';
export { buildQuery, buildQueryNode, WhereGroup } from './build-query';
export type { BuildOptions, WhereInput } from './build-query';
export { QUERY_LIMITS } from './limits';
export type { QueryLimitName } from './limits';
export { QueryErrors } from './query-errors';
export type { CompiledQuery, CompiledParams, CompileOptions, QueryBackend } from './compilers/compiled-query';
export { compileListParams, listUnsuitability } from './compilers/list-params';
export {
  compileSearch,
  compileSearchCriteria,
  criteriaUnsuitability,
  searchUnsuitability,
} from './compilers/search-criteria';
export { compileCoql, coqlCondition } from './compilers/coql';
export { escapeCriteriaValue, quoteCoqlString, coqlName } from './compilers/escape';
export { planQuery, compileQuery, backendUnsuitability, keysetAfter, ID_FIELD } from './planner';
export { formatDateTime, formatNumber } from './values';
export { SelectQueryBuilder } from './select-query-builder';
export type { QueryExecutor } from './select-query-builder';
