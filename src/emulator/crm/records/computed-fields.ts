import type { ModuleDef, StoredRecord } from '../../state/types';
import { roundTo } from './field-values';
import { INVENTORY_MODULES, inventoryTotals } from './inventory';

/** Zoho's default probability per deal stage, applied when a write sets `Stage` without `Probability`. */
const STAGE_PROBABILITY: Record<string, number> = {
  Qualification: 10,
  'Needs Analysis': 20,
  'Value Proposition': 40,
  'Id. Decision Makers': 60,
  'Perception Analysis': 70,
  'Proposal/Price Quote': 75,
  'Negotiation/Review': 90,
  'Closed Won': 100,
  'Closed Lost': 0,
  'Closed Lost to Competition': 0,
};

/**
 * Read-only fields Zoho derives from others, recomputed on every write from the merged record
 * (`written` = the fields this write set): names, deal revenue, call durations and inventory totals.
 */
export function computedFields(
  module: ModuleDef,
  merged: StoredRecord,
  written: ReadonlySet<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const has = (apiName: string) => module.fields.some((f) => f.api_name === apiName);
  if (has('Full_Name') && has('Last_Name')) {
    // [I] Salutation is not part of Full_Name.
    out.Full_Name = [merged.First_Name, merged.Last_Name]
      .filter((v) => typeof v === 'string' && v.length > 0)
      .join(' ');
  }
  if (module.api_name === 'Deals') Object.assign(out, dealRevenue(merged, written));
  if (module.api_name === 'Calls') out.Call_Duration_in_seconds = durationSeconds(merged.Call_Duration);
  if (INVENTORY_MODULES.includes(module.api_name)) Object.assign(out, inventoryTotals(merged));
  return out;
}

function dealRevenue(merged: StoredRecord, written: ReadonlySet<string>): Record<string, unknown> {
  let probability = merged.Probability;
  const stage = merged.Stage;
  const out: Record<string, unknown> = {};
  if (
    written.has('Stage') &&
    !written.has('Probability') &&
    typeof stage === 'string' &&
    stage in STAGE_PROBABILITY
  ) {
    probability = STAGE_PROBABILITY[stage];
    out.Probability = probability;
  }
  const amount = merged.Amount;
  out.Expected_Revenue =
    typeof amount === 'number' && typeof probability === 'number'
      ? roundTo((amount * probability) / 100)
      : null;
  return out;
}

/** `"mm:ss"` (or `"hh:mm:ss"`) → seconds; null when the duration is not in that form. */
function durationSeconds(duration: unknown): number | null {
  if (typeof duration !== 'string' || !/^\d+(:\d{1,2}){1,2}$/.test(duration)) return null;
  return duration.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}
