import type { FieldDef } from '../../state/types';
import { isPlainObject } from '../body';
import { fail, ItemErrors } from './item-errors';

export interface StoredPricingRow {
  /** Assigned when the record is stored. */
  id?: string;
  from_range: number;
  to_range: number;
  discount: number;
}

const KEYS = ['from_range', 'to_range', 'discount'] as const;

/**
 * Price book `Pricing_Details` rows (wire spec §5.18): `from_range`, `to_range` and `discount` are all required
 * numbers ([I] the range must not be inverted and the discount is a percentage, 0–100). Rows carrying the id
 * of an existing row keep it; the list replaces the stored one.
 */
export function normalisePricingDetails(
  def: FieldDef,
  value: unknown,
  existing: unknown,
): StoredPricingRow[] {
  if (!Array.isArray(value)) fail(ItemErrors.invalidType(def.api_name, 'jsonarray'));
  const previous = Array.isArray(existing) ? (existing as StoredPricingRow[]) : [];
  return value.map((row) => {
    if (!isPlainObject(row)) fail(ItemErrors.invalidType(def.api_name, 'jsonarray'));
    const numbers = {} as Record<(typeof KEYS)[number], number>;
    for (const key of KEYS) {
      const n = row[key];
      if (n === undefined || n === null) fail(ItemErrors.mandatory(key));
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) fail(ItemErrors.invalidType(key, 'double'));
      numbers[key] = n;
    }
    if (numbers.from_range > numbers.to_range) fail(ItemErrors.invalidValue('to_range'));
    if (numbers.discount > 100) fail(ItemErrors.invalidValue('discount'));
    const id =
      row.id === undefined || row.id === null ? undefined : previous.find((p) => p.id === row.id)?.id;
    if (row.id !== undefined && row.id !== null && id === undefined) fail(ItemErrors.invalidId(row.id));
    return { ...(id ? { id } : {}), ...numbers };
  });
}
