import type { EmulatorContext } from '../../context';
import type { ModuleDef, StoredRecord } from '../../state/types';
import { idOf, isEmpty } from './field-values';
import { ItemErrors } from '../item-errors';
import { fail } from './item-failure';

/** [I] Zoho's unique checks ignore case and surrounding spaces; lookups compare by id. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string')
    return a.trim().toLowerCase() === b.trim().toLowerCase();
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
  return Object.values(ctx.recordsOf(module.api_name)).find(
    (r) => r.id !== excludeId && sameValue(r[apiName], value),
  );
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
