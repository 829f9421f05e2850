/** The syntax tree of one COQL `select` (docs/zoho-v2-notes.md §5.9). */

/** A column as written: `Last_Name`, `Account_Name.Parent_Account.Account_Name`, `'External'`. */
export interface ColumnRef {
  parts: string[];
  /** The dotted path as written, for error details. */
  text: string;
}

export type Literal =
  | { type: 'string'; value: string }
  /** Numbers keep their source text so 19-digit ids lose no precision. */
  | { type: 'number'; text: string }
  | { type: 'boolean'; value: boolean };

/** Comparators taking one literal. */
export type CoqlComparator = '=' | '!=' | '>' | '<' | '>=' | '<=';

export type CoqlOperator =
  | CoqlComparator
  | 'is null'
  | 'is not null'
  | 'between'
  | 'not between'
  | 'in'
  | 'not in'
  | 'like'
  | 'not like';

export interface CoqlComparison {
  type: 'compare';
  column: ColumnRef;
  operator: CoqlOperator;
  values: Literal[];
}

export interface CoqlJunction {
  type: 'and' | 'or';
  left: CoqlCondition;
  right: CoqlCondition;
}

export type CoqlCondition = CoqlComparison | CoqlJunction;

export interface OrderTerm {
  column: ColumnRef;
  descending: boolean;
}

export interface SelectQuery {
  columns: ColumnRef[];
  module: string;
  where?: CoqlCondition;
  orderBy: OrderTerm[];
  /** Source text of the `limit` and `offset` numbers, checked when the query is planned. */
  limit?: string;
  offset?: string;
}
