import { FindOperator } from './find-operator';

/**
 * `field between from and to`, both ends included (numbers, dates, date-times). The ends may be of two
 * accepted types (a `Date` and an ISO-8601 string for a date-time field).
 */
export function Between<A, B = A>(from: A, to: B): FindOperator<A | B> {
  return new FindOperator<A | B>('between', [from, to]);
}
