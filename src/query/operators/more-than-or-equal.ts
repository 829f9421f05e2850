import { FindOperator } from './find-operator';

/** `field >= value` (numbers, dates, date-times). */
export function MoreThanOrEqual<T>(value: T): FindOperator<T> {
  return new FindOperator<T>('moreThanOrEqual', value);
}
