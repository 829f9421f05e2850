import { FindOperator } from './find-operator';

/**
 * A text pattern with `%` at the start and/or the end: `Like('INV-%')` (starts with), `Like('%Ltd')`
 * (ends with), `Like('%licence%')` (contains). Zoho has no other wildcard, so a `%` elsewhere is refused
 * when the query is compiled. Matching is case-insensitive, as Zoho compares text.
 */
export function Like(pattern: string): FindOperator<string> {
  return new FindOperator<string>('like', pattern);
}
