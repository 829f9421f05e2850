/** Small helpers shared by the mappers: reading loosely typed JSON without `any`. */

export type Json = Record<string, unknown>;

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Zoho ids travel as strings (long integers); numbers are accepted and turned into their decimal text. */
export function idString(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/** A string value, `null` when the JSON held null, `undefined` when absent. Numbers and booleans become text. */
export function str(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A number (numeric strings accepted), `null` for null, `undefined` when absent or not numeric. */
export function num(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** A boolean (`"true"`/`"false"` accepted), `null` for null, `undefined` otherwise. */
export function bool(value: unknown): boolean | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** Copies `value` under `key` unless it is `undefined` (so writes send only what was set). */
export function putDefined(target: Json, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}
