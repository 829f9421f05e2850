import type { FieldDef } from '../../state/types';
import { isPlainObject } from '../body';
import { ItemErrors } from '../item-errors';
import { fail } from './item-failure';

/**
 * The input rows of a list field (line items, pricing rows), each with the stored row its `id` names.
 * The value must be an array of objects; a row naming an `id` the stored list lacks fails the item
 * (`INVALID_DATA`, "the id given seems to be invalid"). The rows replace the stored list ([I] v2 has no
 * row delete flag).
 */
export function listRows<T extends { id?: string }>(
  def: FieldDef,
  value: unknown,
  existing: unknown,
): Array<{ row: Record<string, unknown>; stored: T | undefined }> {
  if (!Array.isArray(value)) fail(ItemErrors.invalidType(def.api_name, 'jsonarray'));
  const previous = Array.isArray(existing) ? (existing as T[]) : [];
  return value.map((row) => {
    if (!isPlainObject(row)) fail(ItemErrors.invalidType(def.api_name, 'jsonarray'));
    if (row.id === undefined || row.id === null) return { row, stored: undefined };
    const stored = previous.find((p) => p.id === row.id);
    if (!stored) fail(ItemErrors.invalidId(row.id));
    return { row, stored };
  });
}
