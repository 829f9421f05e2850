import { idString, isJsonObject, Json, str } from './json-utils';

/** Readers for the settings/metadata JSON (org, users, roles, profiles, fields, layouts, views). */

/** The objects of a JSON array (other elements skipped); `[]` when the value is not an array. */
export function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

/** The strings of a JSON array (ids as numbers become text); `undefined` when the value is not an array. */
export function strings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((v) => idString(v) ?? str(v)).filter((v): v is string => typeof v === 'string');
}

/** A JSON object or `undefined`; empty objects (`{}`, Zoho's "not applicable") count as absent. */
export function nonEmptyObject(value: unknown): Json | undefined {
  return isJsonObject(value) && Object.keys(value).length > 0 ? value : undefined;
}

/** A module reference that is either an API name string or `{api_name, id}` (https://www.zoho.com/crm/developer/docs/api/v2/field-meta.html). */
export function moduleName(value: unknown): string | null | undefined {
  if (value === null) return null;
  if (isJsonObject(value)) return str(value.api_name) ?? str(value.module_name);
  return str(value);
}

/** A field reference that is an API name or `{api_name, id}`. */
export function fieldName(value: unknown): string | null | undefined {
  if (isJsonObject(value)) return str(value.api_name);
  return str(value);
}
