import { FindOperator } from './find-operator';

/**
 * Negates a value or an operator: `Not('Closed')` (`!=`), `Not(In([...]))` (`not in`),
 * `Not(Like('x%'))` (`not like`), `Not(IsNull())` (`is not null`), `Not(Between(a, b))`,
 * `Not(MoreThan(x))` (`<=`). As in SQL, a record whose field is empty matches neither a comparison nor its
 * negation: only `IsNull()` finds it.
 */
export function Not<T>(value: T | FindOperator<T>): FindOperator<T> {
  return new FindOperator<T>('not', value);
}
