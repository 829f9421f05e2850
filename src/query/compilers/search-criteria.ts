import type { QueryCompileException } from '../../errors/query-compile-exception';
import {
  ComparisonNode,
  ComparisonOperator,
  comparisonsOf,
  ConditionNode,
  countComparisons,
  QueryNode,
} from '../ast';
import type { ValueKind } from '../field-kinds';
import { QUERY_LIMITS } from '../limits';
import { QueryErrors } from '../query-errors';
import { CompiledQuery, CompileOptions, selectOf } from './compiled-query';
import { escapeCriteriaValue } from './escape';
import { pageWindow } from './windows';

/** Search operators each kind of field allows (https://www.zoho.com/crm/developer/docs/api/v2/search-records.html, per-type table). */
const EQUALS_IN = ['equals', 'not_equal', 'in'];
const ORDERED = [
  'equals',
  'not_equal',
  'greater_than',
  'greater_equal',
  'less_than',
  'less_equal',
  'between',
  'in',
];
const SEARCH_OPERATORS: Record<ValueKind, readonly string[]> = {
  text: ['equals', 'not_equal', 'starts_with', 'in'],
  textarea: ['equals', 'not_equal', 'starts_with'],
  picklist: EQUALS_IN,
  multiselect: ['equals', 'not_equal', 'starts_with', 'in'],
  number: ORDERED,
  bigint: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
  boolean: ['equals', 'not_equal'],
  lookup: EQUALS_IN,
  user: EQUALS_IN,
  unsupported: [],
};

const OPERATORS: Partial<Record<ComparisonOperator, string>> = {
  eq: 'equals',
  ne: 'not_equal',
  gt: 'greater_than',
  ge: 'greater_equal',
  lt: 'less_than',
  le: 'less_equal',
  between: 'between',
  in: 'in',
};

/** The search operator of a comparison, or undefined when search has none for it. */
function searchOperator(node: ComparisonNode): string | undefined {
  if (node.operator === 'like') {
    // Only a prefix (starts_with) or an exact pattern (equals: Zoho compares text ignoring case) exists.
    return node.pattern?.anchor === 'prefix'
      ? 'starts_with'
      : node.pattern?.anchor === 'exact'
        ? 'equals'
        : undefined;
  }
  return OPERATORS[node.operator];
}

/** Text kinds whose `equals` Zoho's search runs as "contains" once criteria hold several conditions (https://www.zoho.com/crm/developer/docs/api/v2/search-records.html). */
const FUZZY_IN_GROUPS: readonly ValueKind[] = ['text', 'textarea'];

/**
 * Why the search API cannot run a condition, or undefined when it can. A limit Zoho would refuse is
 * returned as the exception to throw; anything else as a sentence.
 */
export function criteriaUnsuitability(
  where: ConditionNode | undefined,
): string | QueryCompileException | undefined {
  if (!where) return 'it needs a filter (use the list API)';
  const count = countComparisons(where);
  for (const node of comparisonsOf(where)) {
    const operator = searchOperator(node);
    const name = `${node.field.property} (${node.field.apiName})`;
    if (operator === undefined || !SEARCH_OPERATORS[node.field.kind].includes(operator)) {
      return `it has no ${describe(node)} for ${node.field.dataType} fields such as ${name}`;
    }
    if (node.values.some((v) => v.text.length === 0)) return `it cannot look for an empty string (${name})`;
    if (
      count > 1 &&
      FUZZY_IN_GROUPS.includes(node.field.kind) &&
      (operator === 'equals' || operator === 'not_equal' || operator === 'in')
    ) {
      return `Zoho's search matches text "equals" as "contains" when criteria hold several conditions (${name})`;
    }
    if (node.operator === 'in' && node.values.length > QUERY_LIMITS.SEARCH_IN_VALUES) {
      return QueryErrors.limitExceeded('SEARCH_IN_VALUES', node.values.length, `Search criteria on ${name}`);
    }
  }
  if (count > QUERY_LIMITS.SEARCH_CRITERIA)
    return QueryErrors.limitExceeded('SEARCH_CRITERIA', count, 'Search criteria');
  return undefined;
}

function describe(node: ComparisonNode): string {
  if (node.operator === 'like' || node.operator === 'notLike') {
    const kind = { exact: 'exact', prefix: 'starts-with', suffix: 'ends-with', contains: 'contains' }[
      node.pattern!.anchor
    ];
    return `${node.operator === 'notLike' ? 'negated ' : ''}${kind} match`;
  }
  const words: Record<ComparisonOperator, string> = {
    eq: 'equality',
    ne: 'inequality',
    gt: '"greater than"',
    ge: '"greater or equal"',
    lt: '"less than"',
    le: '"less or equal"',
    between: '"between"',
    notBetween: '"not between"',
    in: '"in"',
    notIn: '"not in"',
    like: 'match',
    notLike: 'negated match',
    isNull: '"is empty" test',
    isNotNull: '"is not empty" test',
  };
  return words[node.operator];
}

/**
 * Why the search API (`GET /{module}/search?criteria=`) cannot run a whole query, or undefined: on top of
 * the criteria, it cannot sort, and it pages by `page`/`per_page` up to the 2,000th record.
 */
export function searchUnsuitability(
  node: QueryNode,
  options: CompileOptions = {},
): string | QueryCompileException | undefined {
  const criteria = criteriaUnsuitability(node.where);
  if (criteria !== undefined) return criteria;
  if (node.order.length > 0) return 'it cannot sort';
  const window = pageWindow(node, options, 'search');
  if (typeof window === 'string') return window;
  const reach = window.page * window.perPage;
  if (reach > QUERY_LIMITS.SEARCH_RECORDS) {
    return QueryErrors.limitExceeded(
      'SEARCH_RECORDS',
      reach,
      'Search',
      'use COQL, or iterate() to read further',
    );
  }
  return undefined;
}

/**
 * The criteria text of a condition: `(Field:operator:value)` terms, groups bracketed and joined by
 * `and`/`or` (`((A:equals:1)and((B:equals:2)or(C:equals:3)))`), values escaped.
 */
export function compileSearchCriteria(where: ConditionNode): string {
  const reason = criteriaUnsuitability(where);
  if (reason !== undefined)
    throw typeof reason === 'string' ? QueryErrors.backendCannotRun('search', reason) : reason;
  return criteriaText(where);
}

function criteriaText(node: ConditionNode): string {
  if (node.type !== 'comparison') return `(${node.children.map(criteriaText).join(node.type)})`;
  const values = node.values.map((v) => escapeCriteriaValue(v.text)).join(',');
  return `(${node.field.apiName}:${searchOperator(node)}:${values})`;
}

/** Compiles a query for the search API: `criteria`, `fields` (from `select`), `page`, `per_page` (no sorting). */
export function compileSearch(node: QueryNode, options: CompileOptions = {}): CompiledQuery {
  const reason = searchUnsuitability(node, options);
  if (reason !== undefined)
    throw typeof reason === 'string' ? QueryErrors.backendCannotRun('search', reason) : reason;
  const window = pageWindow(node, options, 'search') as Exclude<ReturnType<typeof pageWindow>, string>;
  const criteria = criteriaText(node.where!);
  const path = `${encodeURIComponent(node.module)}/search`;
  return Object.freeze({
    backend: 'search',
    method: 'GET',
    path,
    params: Object.freeze({
      criteria,
      ...(node.select ? { fields: node.select.map((f) => f.apiName).join(',') } : {}),
      page: window.page,
      per_page: window.perPage,
    }),
    text: criteria,
    module: node.module,
    offset: node.skip,
    limit: window.perPage,
    ...selectOf(node),
  });
}
