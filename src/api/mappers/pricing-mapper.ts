import { ZCRMPriceBookPricing } from '../entities/zcrm-price-book-pricing';
import { ValidationException } from '../../errors/validation-exception';
import { idString, isJsonObject, Json, num } from './json-utils';

/** Price_Books `Pricing_Details` ↔ {@link ZCRMPriceBookPricing}. */

export function parsePricing(json: Json): ZCRMPriceBookPricing {
  const pricing = new ZCRMPriceBookPricing(idString(json.id));
  if (json.from_range !== undefined) pricing.fromRange = num(json.from_range);
  if (json.to_range !== undefined) pricing.toRange = num(json.to_range);
  if (json.discount !== undefined) pricing.discount = num(json.discount);
  return pricing;
}

export function parsePricingDetails(json: unknown): ZCRMPriceBookPricing[] {
  return Array.isArray(json) ? json.filter(isJsonObject).map(parsePricing) : [];
}

/** A pricing row as a write sends it; `from_range`, `to_range` and `discount` are required numbers. */
export function pricingToJson(pricing: ZCRMPriceBookPricing, index: number): Json {
  const out: Json = {};
  if (pricing.id) out.id = pricing.id;
  for (const [key, value] of [
    ['from_range', pricing.fromRange],
    ['to_range', pricing.toRange],
    ['discount', pricing.discount],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw ValidationException.invalidInput(`Pricing_Details[${index}].${key}`, 'a number is required');
    }
    out[key] = value;
  }
  return out;
}
