/**
 * Escaping of values for each query language. The transport URL-encodes query parameters afterwards, so
 * criteria escaping only protects the criteria grammar.
 */

/**
 * A value inside search criteria (https://www.zoho.com/crm/developer/docs/api/v2/search-records.html): `(`, `)`, `,` and `\` are backslash-escaped, so the
 * value cannot close its condition, split into several `in` values, or swallow the next character.
 */
export function escapeCriteriaValue(value: string): string {
  return value.replace(/[\\(),]/g, (c) => `\\${c}`);
}

/** A COQL string literal: single-quoted, a quote doubled (`O'Brien` → `'O''Brien'`). */
export function quoteCoqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Words COQL reads as keywords: a field or module with such an API name (a custom `External` field) is
 * written quoted (Zoho's COQL FAQ). Includes the SQL reserved words likely to be field names.
 */
const COQL_RESERVED = new Set(
  (
    'select from where order by asc desc limit offset and or not in like is null between true false ' +
    'all any as case cross delete distinct drop else end exists external full group having inner insert into ' +
    'join left natural on outer right set table then union update using values when with'
  ).split(' '),
);

/** A field or module API name in COQL: as is, or quoted when it is a reserved word. */
export function coqlName(apiName: string): string {
  return COQL_RESERVED.has(apiName.toLowerCase()) ? quoteCoqlString(apiName) : apiName;
}
