import { FindOperator } from './find-operator';

/** `field <= value` (numbers, dates, date-times). */
export function LessThanOrEqual<T>(value: T): FindOperator<T> {
  return new FindOperator<T>('lessThanOrEqual', value);
}
