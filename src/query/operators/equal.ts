import { FindOperator } from './find-operator';

/** `field = value`; the same as writing the value alone, useful inside `Not(...)`. */
export function Equal<T>(value: T): FindOperator<T> {
  return new FindOperator<T>('equal', value);
}
