import { FindOperator } from './find-operator';

/** `field < value` (numbers, dates, date-times). */
export function LessThan<T>(value: T): FindOperator<T> {
  return new FindOperator<T>('lessThan', value);
}
