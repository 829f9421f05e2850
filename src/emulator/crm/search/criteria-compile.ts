import type { EmulatorContext } from '../../context';
import type { FieldDef, ModuleDef, StoredRecord } from '../../state/types';
import { BinaryOp, compare, Comparison, parseLiteral, Typed } from '../query/compare';
import { findField, kindOf } from '../query/fields';
import { typedFieldValue } from '../query/record-values';
import { ApiErrors } from '../zoho-error';
import type { CriteriaCondition, CriteriaNode } from './criteria-parser';

export type RecordPredicate = (record: StoredRecord) => boolean;

/** Most values an `in` condition may list (docs/zoho-v2-notes.md §5.8). */
const MAX_IN_VALUES = 100;

const BINARY: Record<string, BinaryOp> = {
  equals: 'eq',
  not_equal: 'ne',
  greater_than: 'gt',
  greater_equal: 'ge',
  less_than: 'lt',
  less_equal: 'le',
};

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

/** Operators each field type supports in search (docs/zoho-v2-notes.md §5.8, per-type table). */
function allowedOperators(def: FieldDef): readonly string[] {
  if (def.data_type === 'textarea') return ['equals', 'not_equal', 'starts_with'];
  if (def.data_type === 'picklist' || def.data_type === 'autonumber') return ['equals', 'not_equal', 'in'];
  switch (kindOf(def)) {
    case 'number':
    case 'bigint':
    case 'date':
    case 'datetime':
      return ORDERED;
    case 'boolean':
      return ['equals', 'not_equal'];
    case 'lookup':
    case 'user':
      return ['equals', 'not_equal', 'in'];
    case 'text':
      return ['equals', 'not_equal', 'starts_with', 'in'];
    case 'multiselect':
      return ['equals', 'not_equal', 'starts_with', 'in'];
    case 'unsupported':
      return [];
  }
}

/** Compiles a parsed criteria tree into a record predicate, checking fields, operators and values. */
export function compileCriteria(
  ctx: EmulatorContext,
  module: ModuleDef,
  node: CriteriaNode,
): RecordPredicate {
  if (node.type === 'condition') return compileCondition(ctx, module, node);
  const children = node.children.map((c) => compileCriteria(ctx, module, c));
  return node.type === 'and' ? (r) => children.every((p) => p(r)) : (r) => children.some((p) => p(r));
}

function compileCondition(ctx: EmulatorContext, module: ModuleDef, cond: CriteriaCondition): RecordPredicate {
  const def = findField(module, cond.field);
  if (!def || kindOf(def) === 'unsupported') {
    throw ApiErrors.invalidQuery({ api_name: cond.field, reason: 'the field is not available for search' });
  }
  const operator = cond.operator.toLowerCase();
  if (!allowedOperators(def).includes(operator)) {
    throw ApiErrors.invalidQuery({
      api_name: def.api_name,
      operator: cond.operator,
      reason: 'invalid operator found',
    });
  }
  const comparison = comparisonFor(def, operator, cond.values);
  return (record) => compare(typedFieldValue(ctx, def, record), comparison);
}

function comparisonFor(def: FieldDef, operator: string, values: string[]): Comparison {
  const arity = operator === 'in' ? values.length : operator === 'between' ? 2 : 1;
  if (operator === 'in' && values.length > MAX_IN_VALUES) {
    throw ApiErrors.invalidQuery({
      api_name: def.api_name,
      reason: `Only ${MAX_IN_VALUES} values are allowed in "IN" criteria`,
    });
  }
  if (values.length !== arity) {
    throw ApiErrors.invalidQuery({ api_name: def.api_name, operator, reason: 'invalid value for search' });
  }
  if (operator === 'starts_with') {
    return { op: 'like', pattern: { text: valueText(def, values[0]).toLowerCase(), anchor: 'prefix' } };
  }
  const typed = values.map((v) => typedValue(def, v));
  if (operator === 'between') return { op: 'between', low: typed[0], high: typed[1] };
  if (operator === 'in') return { op: 'in', values: typed };
  return { op: BINARY[operator], value: typed[0] };
}

/** [I] An empty value is rejected: search cannot look for empty fields. */
function valueText(def: FieldDef, value: string): string {
  if (value.length > 0) return value;
  throw ApiErrors.invalidQuery({ api_name: def.api_name, value, reason: 'invalid value for search' });
}

/** [I] Lookups and owners match by id or by name (users also by email). */
function typedValue(def: FieldDef, value: string): Typed {
  const typed = parseLiteral(kindOf(def), valueText(def, value), true);
  if (typed === undefined) {
    throw ApiErrors.invalidQuery({
      api_name: def.api_name,
      value,
      expected_data_type: def.data_type,
      reason: 'invalid value for search',
    });
  }
  return typed;
}
