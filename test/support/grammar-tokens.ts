/**
 * Strings that mean something to Zoho's search-criteria or COQL grammar (brackets, separators, escapes, quotes,
 * wildcards, keywords): property tests mix them into values to check escaping round-trips.
 */
export const GRAMMAR_TOKENS: readonly string[] = [
  '(',
  ')',
  ',',
  '\\',
  "'",
  '"',
  '%',
  ':',
  ' ',
  'and',
  'or',
  ')or(',
  "''",
  '\\,',
  '+',
  '&',
  '=',
  '#',
];
