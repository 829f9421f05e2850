import type { EmulatorContext } from '../../context';
import type { ModuleDef, StoredRecord } from '../../state/types';
import { BinaryOp, compare, Comparison, parseLiteral, TextPattern, Typed } from '../query/compare';
import { kindOf, ValueKind } from '../query/fields';
import { ApiErrors } from '../zoho-error';
import type { CoqlComparator, CoqlComparison, CoqlCondition, CoqlOperator, Literal } from './ast';
import { resolveColumn, ResolvedColumn, typedColumnValue } from './columns';

export type RecordPredicate = (record: StoredRecord) => boolean;

/** Most values one `in (...)` may list (COQL-Limitations). */
const MAX_IN_VALUES = 50;

const BINARY: Record<CoqlComparator, BinaryOp> = {
  '=': 'eq',
  '!=': 'ne',
  '>': 'gt',
  '>=': 'ge',
  '<': 'lt',
  '<=': 'le',
};

const EQUALITY: CoqlOperator[] = ['=', '!=', 'in', 'not in', 'is null', 'is not null'];
const TEXTUAL: CoqlOperator[] = [...EQUALITY, 'like', 'not like'];
const ORDERED: CoqlOperator[] = [...EQUALITY, '>', '<', '>=', '<=', 'between', 'not between'];

/** [I] Comparators per field kind, after SQL: ordering for numbers and dates, `like` for text. */
const OPERATORS: Record<ValueKind, readonly CoqlOperator[]> = {
  text: TEXTUAL,
  multiselect: TEXTUAL,
  number: ORDERED,
  bigint: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
  boolean: ['=', '!='],
  lookup: EQUALITY,
  user: EQUALITY,
  unsupported: [],
};

/** [I] Literal forms each kind accepts: numbers and ids may also be quoted, booleans too. */
const LITERAL_TYPES: Record<ValueKind, readonly Literal['type'][]> = {
  text: ['string'],
  multiselect: ['string'],
  number: ['number', 'string'],
  bigint: ['number', 'string'],
  date: ['string'],
  datetime: ['string'],
  boolean: ['boolean', 'string'],
  lookup: ['number', 'string'],
  user: ['number', 'string'],
  unsupported: [],
};

/** Counts the comparisons of a `where` clause (Zoho allows at most 25). */
export function countComparisons(condition: CoqlCondition): number {
  return condition.type === 'compare'
    ? 1
    : countComparisons(condition.left) + countComparisons(condition.right);
}

/** Compiles a `where` clause, checking each column, comparator and literal against the metadata. */
export function compileWhere(
  ctx: EmulatorContext,
  module: ModuleDef,
  condition: CoqlCondition,
): RecordPredicate {
  if (condition.type === 'compare') return compileComparison(ctx, module, condition);
  const left = compileWhere(ctx, module, condition.left);
  const right = compileWhere(ctx, module, condition.right);
  return condition.type === 'and' ? (r) => left(r) && right(r) : (r) => left(r) || right(r);
}

function compileComparison(ctx: EmulatorContext, module: ModuleDef, node: CoqlComparison): RecordPredicate {
  const column = resolveColumn(ctx, module, node.column);
  const kind = kindOf(column.field);
  if (!OPERATORS[kind].includes(node.operator)) {
    throw ApiErrors.invalidQuery({
      reason: 'invalid operator found',
      column_name: node.column.text,
      operator: node.operator,
    });
  }
  if (node.values.length > MAX_IN_VALUES) {
    throw ApiErrors.limitExceeded({ column_name: node.column.text, limit: MAX_IN_VALUES });
  }
  const comparison = comparisonFor(node, column, kind);
  return (record) => compare(typedColumnValue(ctx, column, record), comparison);
}

function comparisonFor(node: CoqlComparison, column: ResolvedColumn, kind: ValueKind): Comparison {
  if (node.operator === 'like' || node.operator === 'not like') {
    const pattern = likePattern(literalText(node.values[0]));
    return { op: node.operator === 'like' ? 'like' : 'notLike', pattern };
  }
  if (node.operator === 'is null') return { op: 'isNull' };
  if (node.operator === 'is not null') return { op: 'isNotNull' };
  const values = node.values.map((v) => typedLiteral(node, column, kind, v));
  switch (node.operator) {
    case 'between':
    case 'not between':
      return { op: node.operator === 'between' ? 'between' : 'notBetween', low: values[0], high: values[1] };
    case 'in':
    case 'not in':
      return { op: node.operator === 'in' ? 'in' : 'notIn', values };
    default:
      return { op: BINARY[node.operator], value: values[0] };
  }
}

function literalText(literal: Literal): string {
  return literal.type === 'number' ? literal.text : String(literal.value);
}

function typedLiteral(
  node: CoqlComparison,
  column: ResolvedColumn,
  kind: ValueKind,
  literal: Literal,
): Typed {
  const typed = LITERAL_TYPES[kind].includes(literal.type)
    ? parseLiteral(kind, literalText(literal))
    : undefined;
  if (typed === undefined) {
    // [I] A value of the wrong type for its column.
    throw ApiErrors.invalidQuery({
      column_name: node.column.text,
      value: literalText(literal),
      expected_data_type: column.field.data_type,
    });
  }
  return typed;
}

/** `%` at the start and/or end of a `like` value anchors it; [I] a `%` anywhere else is literal. */
function likePattern(value: string): TextPattern {
  let text = value.toLowerCase();
  const leading = text.startsWith('%');
  if (leading) text = text.slice(1);
  const trailing = text.endsWith('%');
  if (trailing) text = text.slice(0, -1);
  const anchor = leading && trailing ? 'contains' : leading ? 'suffix' : trailing ? 'prefix' : 'exact';
  return { text, anchor };
}
