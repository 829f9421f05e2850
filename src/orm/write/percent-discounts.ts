import type { ModelMapping } from '../mapping/model-mapping';
import { canonical } from '../mapping/model-mapping';
import { stateOf } from '../state/record-state';
import type { LineItem } from '../values/line-item';

/**
 * Zoho v2 takes a line item's `Discount` as an amount or a percentage (`"10%"`: the official Node SDK 2.0's
 * `InventoryLineItems.setDiscount` takes a string, `@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/
 * inventory_line_items.js`) but reads back only the amount it came to. So that a later edit of the line
 * (`quantity = 4`) sends the percentage again rather than a fixed amount that no longer fits, the line
 * keeps the percentage its user set across the re-read after a save, wherever the amount Zoho computed
 * is that percentage of the line's total. A record read afresh has only the amount.
 */

/** Per line-items field, the percentage discount of each line (undefined for an amount or none). */
export type PercentDiscounts = Map<string, Array<string | undefined>>;

const PERCENT = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/;

function lineFields(mapping: ModelMapping) {
  return mapping.fields.filter((f) => f.role === 'lineItems');
}

/** The percentage discounts of a record's lines, before a save re-reads it. */
export function percentDiscounts(record: object, mapping: ModelMapping): PercentDiscounts {
  const out: PercentDiscounts = new Map();
  for (const field of lineFields(mapping)) {
    const lines = (record as Record<string, unknown>)[field.propertyName];
    if (!Array.isArray(lines)) continue;
    const percents = lines.map((l: Partial<LineItem>) =>
      typeof l?.discount === 'string' && PERCENT.test(l.discount) ? l.discount : undefined,
    );
    if (percents.some((p) => p !== undefined)) out.set(field.propertyName, percents);
  }
  return out;
}

/**
 * Puts the percentages back on the re-read lines whose amount is that percentage of their total (line by
 * line, in order), and counts them as what Zoho has, so an unrelated save does not send the lines again.
 */
export function restorePercentDiscounts(
  record: object,
  mapping: ModelMapping,
  saved: PercentDiscounts,
): void {
  for (const [property, percents] of saved) {
    const lines = (record as Record<string, unknown>)[property];
    if (!Array.isArray(lines)) continue;
    let restored = false;
    lines.forEach((line: LineItem, i) => {
      const percent = percents[i];
      if (percent === undefined || typeof line.discount !== 'number' || typeof line.total !== 'number')
        return;
      const expected = Math.round(line.total * Number(PERCENT.exec(percent)![1])) / 100;
      if (Math.abs(expected - line.discount) > 0.005) return;
      line.discount = percent as LineItem['discount'];
      restored = true;
    });
    if (!restored) continue;
    const codec = mapping.codec(property)!;
    stateOf(record).synced.set(codec.field.apiName, canonical(codec.write(lines, { issues: [] })));
  }
}
