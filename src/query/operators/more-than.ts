import { FindOperator } from './find-operator';

/** `field > value` (numbers, dates, date-times). */
export function MoreThan<T>(value: T): FindOperator<T> {
  return new FindOperator<T>('moreThan', value);
}
