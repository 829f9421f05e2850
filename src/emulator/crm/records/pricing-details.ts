import type { FieldDef } from '../../state/types';
import { ItemErrors } from '../item-errors';
import { fail } from './item-failure';
import { listRows } from './list-rows';

export interface StoredPricingRow {
  /** Assigned when the record is stored. */
  id?: string;
  from_range: number;
  to_range: number;
  discount: number;
}

const KEYS = ['from_range', 'to_range', 'discount'] as const;

/**
 * Price book `Pricing_Details` rows (docs/zoho-v2-notes.md §5.18): `from_range`, `to_range` and `discount` are all required
 * numbers ([I] the range must not be inverted and the discount is a percentage, 0–100). Rows carrying the id
 * of an existing row keep it; the list replaces the stored one.
 */
export function normalisePricingDetails(
  def: FieldDef,
  value: unknown,
  existing: unknown,
): StoredPricingRow[] {
  return listRows<StoredPricingRow>(def, value, existing).map(({ row, stored }) => {
    const numbers = {} as Record<(typeof KEYS)[number], number>;
    for (const key of KEYS) {
      const n = row[key];
      if (n === undefined || n === null) fail(ItemErrors.mandatory(key));
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) fail(ItemErrors.invalidType(key, 'double'));
      numbers[key] = n;
    }
    if (numbers.from_range > numbers.to_range) fail(ItemErrors.invalid('to_range'));
    if (numbers.discount > 100) fail(ItemErrors.invalid('discount'));
    return { ...(stored?.id ? { id: stored.id } : {}), ...numbers };
  });
}
