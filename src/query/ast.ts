import type { ValueKind } from '../metadata/data-types';

/**
 * The query AST: what a `find` asks for, with property names resolved to API names and every value typed
 * for its field. The compilers (list parameters, search criteria, COQL) read only this. Nodes are frozen.
 */

/** A field as queries see it. */
export interface FieldRef {
  /** The model property (`grandTotal`), for messages. */
  readonly property: string;
  /** The API name sent to Zoho (`Grand_Total`). */
  readonly apiName: string;
  readonly kind: ValueKind;
  /** Zoho's data type (`currency`). */
  readonly dataType: string;
}

/**
 * A value in its wire form: `text` is the string value, the decimal text of a number or id (never an
 * exponent, never rounded), or `true`/`false`. Dates are `YYYY-MM-DD`, date-times `YYYY-MM-DDTHH:mm:ss±HH:mm`,
 * multi-select lists `A;B`.
 */
export interface Literal {
  readonly type: 'string' | 'number' | 'boolean';
  readonly text: string;
}

/** A `like` pattern: the text between the `%`s and where they were. */
export interface LikePattern {
  readonly text: string;
  readonly anchor: 'exact' | 'prefix' | 'suffix' | 'contains';
}

export type ComparisonOperator =
  | 'eq'
  | 'ne'
  | 'gt'
  | 'ge'
  | 'lt'
  | 'le'
  | 'between'
  | 'notBetween'
  | 'in'
  | 'notIn'
  | 'like'
  | 'notLike'
  | 'isNull'
  | 'isNotNull';

/** One field compared with literals: one for `eq` … `le`, two for `between`, any number for `in`, none for `isNull`. */
export interface ComparisonNode {
  readonly type: 'comparison';
  readonly field: FieldRef;
  readonly operator: ComparisonOperator;
  readonly values: readonly Literal[];
  /** For `like` / `notLike`. */
  readonly pattern?: LikePattern;
}

/** Conditions that must all (`and`) or may any (`or`) hold; always two or more children. */
export interface JunctionNode {
  readonly type: 'and' | 'or';
  readonly children: readonly ConditionNode[];
}

export type ConditionNode = ComparisonNode | JunctionNode;

export interface OrderNode {
  readonly field: FieldRef;
  readonly direction: 'asc' | 'desc';
}

/** A whole query. */
export interface QueryNode {
  /** The module API name. */
  readonly module: string;
  /** The model class name, for messages. */
  readonly modelName: string;
  readonly where?: ConditionNode;
  readonly order: readonly OrderNode[];
  /** The fields asked for; undefined means every field of the model. */
  readonly select?: readonly FieldRef[];
  /** Every queryable field of the model (what COQL selects when `select` is undefined). */
  readonly modelFields: readonly FieldRef[];
  readonly skip: number;
  /** undefined: every matching record. */
  readonly take?: number;
}

/** Counts the comparisons of a condition (Zoho limits them: 10 in search criteria, 25 in COQL). */
export function countComparisons(node: ConditionNode | undefined): number {
  if (!node) return 0;
  return node.type === 'comparison' ? 1 : node.children.reduce((n, c) => n + countComparisons(c), 0);
}

/** Every comparison of a condition, left to right. */
export function comparisonsOf(node: ConditionNode | undefined): ComparisonNode[] {
  if (!node) return [];
  return node.type === 'comparison' ? [node] : node.children.flatMap(comparisonsOf);
}

/** Deep-freezes a node tree. */
export function freezeNode<T>(node: T): T {
  if (node && typeof node === 'object' && !Object.isFrozen(node)) {
    for (const value of Object.values(node)) freezeNode(value);
    Object.freeze(node);
  }
  return node;
}
