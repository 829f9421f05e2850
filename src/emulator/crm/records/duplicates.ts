import type { EmulatorContext } from '../../context';
import type { ModuleDef, StoredRecord } from '../../state/types';
import { idOf, isEmpty } from './field-values';
import { ItemErrors } from '../item-errors';
import { fail } from './item-failure';

/** [I] Zoho's unique checks ignore case and surrounding spaces; lookups compare by id. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return normalForm(a) === normalForm(b);
  const ia = typeof a === 'object' ? idOf(a) : undefined;
  if (ia !== undefined) return ia === idOf(b);
  return a === b;
}

/** Another record of the module whose `apiName` equals `value` (none for empty values). */
export function findByValue(
  ctx: EmulatorContext,
  module: ModuleDef,
  apiName: string,
  value: unknown,
  excludeId?: string,
): StoredRecord | undefined {
  if (isEmpty(value)) return undefined;
  // Every insert and upsert scans the module once per unique field: a cached list of its records, and text
  // compared through a cached normal form, keep imports of many thousand records quick.
  const needle = typeof value === 'string' ? normalForm(value) : undefined;
  for (const record of recordList(ctx, module)) {
    if (record.id === excludeId) continue;
    const held = record[apiName];
    if (
      needle !== undefined
        ? typeof held === 'string' && cachedNormalForm(record, apiName, held) === needle
        : sameValue(held, value)
    )
      return record;
  }
  return undefined;
}

/**
 * Each module's records, listed once and kept in step with inserts and deletes (listing a module's records
 * object afresh sorts its keys: too slow once per written record). Keyed by the records object, which a reset
 * or a loaded state replaces.
 */
const lists = new WeakMap<object, StoredRecord[]>();

/** Records that `record` was added to `records` (a module's records object). */
export function noteAdded(records: Record<string, StoredRecord>, record: StoredRecord): void {
  lists.get(records)?.push(record);
}

/** Records that records were removed from `records`: its list is made afresh when next needed. */
export function noteRemoved(records: Record<string, StoredRecord>): void {
  lists.delete(records);
}

function recordList(ctx: EmulatorContext, module: ModuleDef): StoredRecord[] {
  const records = ctx.recordsOf(module.api_name);
  let list = lists.get(records);
  if (!list) lists.set(records, (list = Object.values(records)));
  return list;
}

function normalForm(text: string): string {
  return text.trim().toLowerCase();
}

/** Normal forms of records' text values, recomputed when the value changes (records are updated in place). */
const normalForms = new WeakMap<StoredRecord, Map<string, { text: string; normal: string }>>();

function cachedNormalForm(record: StoredRecord, apiName: string, text: string): string {
  let forms = normalForms.get(record);
  if (!forms) normalForms.set(record, (forms = new Map<string, { text: string; normal: string }>()));
  const cached = forms.get(apiName);
  if (cached && cached.text === text) return cached.normal;
  const normal = normalForm(text);
  forms.set(apiName, { text, normal });
  return normal;
}

/** `DUPLICATE_DATA` when one of the written unique fields already holds the value in another record. */
export function checkUnique(
  ctx: EmulatorContext,
  module: ModuleDef,
  patch: Record<string, unknown>,
  selfId?: string,
): void {
  for (const def of module.fields) {
    if (!def.unique || !(def.api_name in patch)) continue;
    const clash = findByValue(ctx, module, def.api_name, patch[def.api_name], selfId);
    if (clash) fail(ItemErrors.duplicate(def.api_name, clash.id));
  }
}
