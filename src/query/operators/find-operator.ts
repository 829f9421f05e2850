/** The comparisons a {@link FindOperator} can stand for. */
export type FindOperatorType =
  | 'equal'
  | 'not'
  | 'in'
  | 'like'
  | 'moreThan'
  | 'moreThanOrEqual'
  | 'lessThan'
  | 'lessThanOrEqual'
  | 'between'
  | 'isNull';

/**
 * A comparison in a `where` object, made by the operator functions (`In([...])`, `MoreThan(1000)` …), as
 * in TypeORM. `T` is the type of value it compares with, so `grandTotal: Like('x%')` does not compile.
 */
export class FindOperator<T> {
  /** Brands the class so plain objects that happen to have `type` and `value` are not taken for operators. */
  private readonly __findOperator = true;

  constructor(
    readonly type: FindOperatorType,
    /** The operand: one value, a list (`in`, `between`), a pattern (`like`) or an inner operator (`not`). */
    readonly value: T | readonly T[] | FindOperator<T> | undefined,
  ) {
    Object.freeze(this);
  }

  /** True for operator values (a `where` value may also be a plain value). */
  static isFindOperator(value: unknown): value is FindOperator<unknown> {
    return value instanceof FindOperator;
  }
}
