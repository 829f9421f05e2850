import { FindOperator } from './find-operator';

/**
 * `field in (a, b, …)`. Zoho takes at most 100 values in search criteria and 50 in COQL; a longer list
 * is refused when the query is compiled.
 */
export function In<T>(values: readonly T[]): FindOperator<T> {
  return new FindOperator<T>('in', values);
}
