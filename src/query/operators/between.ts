import { FindOperator } from './find-operator';

/** `field between from and to`, both ends included (numbers, dates, date-times). */
export function Between<T>(from: T, to: T): FindOperator<T> {
  return new FindOperator<T>('between', [from, to]);
}
