import { ComparisonNode, comparisonsOf, ConditionNode, countComparisons, Literal, QueryNode } from '../ast';
import { QUERY_LIMITS } from '../limits';
import { QueryErrors } from '../query-errors';
import { CompiledQuery, CompileOptions, selectOf } from './compiled-query';
import { coqlName, quoteCoqlString } from './escape';
import { callSize } from './windows';

const COMPARATORS = { eq: '=', ne: '!=', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

/** A literal in COQL: strings single-quoted (dates and date-times too), numbers and booleans bare. */
function literal(value: Literal): string {
  return value.type === 'string' ? quoteCoqlString(value.text) : value.text;
}

function comparison(node: ComparisonNode): string {
  const column = coqlName(node.field.apiName);
  const [first, second] = node.values;
  switch (node.operator) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le':
      return `${column} ${COMPARATORS[node.operator]} ${literal(first)}`;
    case 'between':
    case 'notBetween':
      return `${column} ${node.operator === 'notBetween' ? 'not between' : 'between'} ${literal(first)} and ${literal(second)}`;
    case 'in':
    case 'notIn':
      return `${column} ${node.operator === 'notIn' ? 'not in' : 'in'} (${node.values.map(literal).join(', ')})`;
    case 'like':
    case 'notLike': {
      const { text, anchor } = node.pattern!;
      const pattern = `${anchor === 'suffix' || anchor === 'contains' ? '%' : ''}${text}${anchor === 'prefix' || anchor === 'contains' ? '%' : ''}`;
      return `${column} ${node.operator === 'notLike' ? 'not like' : 'like'} ${quoteCoqlString(pattern)}`;
    }
    case 'isNull':
      return `${column} is null`;
    case 'isNotNull':
      return `${column} is not null`;
  }
}

/**
 * A condition in COQL. Zoho takes one `and`/`or` per bracket level, so a group of more than two is
 * bracketed pairwise from the left: `((A and B) and C)`; every group is bracketed.
 */
export function coqlCondition(node: ConditionNode): string {
  if (node.type === 'comparison') return comparison(node);
  const [head, ...rest] = node.children.map(coqlCondition);
  return rest.reduce((acc, next) => `(${acc} ${node.type} ${next})`, head);
}

/** Checks a condition against COQL's limits (25 comparisons, 50 values per `in`). */
function checkWhere(where: ConditionNode | undefined): void {
  const count = countComparisons(where);
  if (count > QUERY_LIMITS.COQL_CRITERIA) throw QueryErrors.limitExceeded('COQL_CRITERIA', count, 'COQL');
  for (const node of comparisonsOf(where)) {
    if (
      (node.operator === 'in' || node.operator === 'notIn') &&
      node.values.length > QUERY_LIMITS.COQL_IN_VALUES
    ) {
      throw QueryErrors.limitExceeded(
        'COQL_IN_VALUES',
        node.values.length,
        `COQL on ${node.field.property} (${node.field.apiName})`,
      );
    }
  }
}

/**
 * Compiles a query to a COQL `select` (`POST /coql`, https://www.zoho.com/crm/developer/docs/api/v2/COQL-Overview.html): the selected fields (every
 * queryable field of the model when `select` is left out), the condition, `order by`, and `limit` (with
 * the offset as `limit offset, count`). Zoho's limits are checked first.
 */
export function compileCoql(node: QueryNode, options: CompileOptions = {}): CompiledQuery {
  const columns = node.select ?? node.modelFields;
  if (columns.length > QUERY_LIMITS.COQL_COLUMNS) {
    throw QueryErrors.limitExceeded(
      'COQL_COLUMNS',
      columns.length,
      `COQL on ${node.modelName}`,
      'pass select with the fields you need',
    );
  }
  checkWhere(node.where);
  const limit = callSize(node, options, QUERY_LIMITS.COQL_LIMIT);
  if (limit > QUERY_LIMITS.COQL_LIMIT) throw QueryErrors.limitExceeded('COQL_LIMIT', limit, 'COQL');
  if (node.skip + limit > QUERY_LIMITS.COQL_OFFSET) {
    throw QueryErrors.limitExceeded(
      'COQL_OFFSET',
      node.skip + limit,
      'COQL',
      'iterate() reads further by paging on the id',
    );
  }
  // COQL needs at least one column; the id always comes back anyway.
  const list = columns.length > 0 ? columns.map((c) => coqlName(c.apiName)).join(', ') : 'id';
  let query = `select ${list} from ${coqlName(node.module)}`;
  if (node.where) query += ` where ${coqlCondition(node.where)}`;
  if (node.order.length > 0) {
    query += ` order by ${node.order.map((o) => `${coqlName(o.field.apiName)} ${o.direction}`).join(', ')}`;
  }
  query += node.skip > 0 ? ` limit ${node.skip}, ${limit}` : ` limit ${limit}`;
  return Object.freeze({
    backend: 'coql',
    method: 'POST',
    path: 'coql',
    params: Object.freeze({}),
    body: Object.freeze({ select_query: query }),
    text: query,
    module: node.module,
    offset: node.skip,
    limit,
    ...selectOf(node),
  });
}
