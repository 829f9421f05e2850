import type { ZCRMRestClient } from '../rest-client';
import { ZCRMInventoryLineItem } from '../entities/zcrm-inventory-line-item';
import { ValidationException } from '../../errors/validation-exception';
import { idString, isJsonObject, Json, num, str } from './json-utils';
import { lookupToJson, parseLookup } from './lookup-mapper';
import { parseTaxList, taxToJson } from './tax-mapper';

/** Inventory line items (`Product_Details`) ↔ {@link ZCRMInventoryLineItem}. */

/** Keys read into named attributes; everything else lands in the item's `fieldData`. */
const KNOWN = new Set([
  'id',
  'product',
  'product_description',
  'quantity',
  'list_price',
  'total',
  'Discount',
  'total_after_discount',
  'Tax',
  'net_total',
  'unit_price',
  'quantity_in_stock',
  'line_tax',
]);

/** Parses one `Product_Details` row (the product becomes a `Products` record with its name as `lookupLabel`). */
export function parseLineItem(json: Json, client?: ZCRMRestClient): ZCRMInventoryLineItem {
  const item = new ZCRMInventoryLineItem(idString(json.id));
  const product = parseLookup(json.product, 'Products', client);
  if (product) item.product = product;
  if (json.product_description !== undefined) item.description = str(json.product_description);
  if (json.quantity !== undefined) item.quantity = num(json.quantity);
  if (json.list_price !== undefined) item.listPrice = num(json.list_price);
  if (json.total !== undefined) item.total = num(json.total);
  if (json.Discount !== undefined) parseDiscount(item, json.Discount);
  if (json.total_after_discount !== undefined) item.totalAfterDiscount = num(json.total_after_discount);
  if (json.Tax !== undefined) item.taxAmount = num(json.Tax);
  if (json.net_total !== undefined) item.netTotal = num(json.net_total);
  if (json.unit_price !== undefined) item.unitPrice = num(json.unit_price);
  if (json.quantity_in_stock !== undefined) item.quantityInStock = num(json.quantity_in_stock);
  item.lineTax = parseTaxList(json.line_tax);
  for (const [key, value] of Object.entries(json)) if (!KNOWN.has(key)) item.fieldData[key] = value;
  return item;
}

/** Parses a `Product_Details` list, skipping entries that are not objects. */
export function parseLineItems(json: unknown, client?: ZCRMRestClient): ZCRMInventoryLineItem[] {
  if (!Array.isArray(json)) return [];
  return json.filter(isJsonObject).map((row) => parseLineItem(row, client));
}

/**
 * One row as a write sends it: `id` (existing rows), `product` as `{id}`, `quantity` (mandatory),
 * `product_description`, `list_price`, `Discount` (an amount, or `"<n>%"`), `line_tax` as `{name, percentage}`.
 * Computed amounts are not sent. Throws a `ValidationException` naming the row for a missing quantity, a new
 * row without product, or both kinds of discount.
 */
export function lineItemToJson(item: ZCRMInventoryLineItem, index: number): Json {
  const where = `Product_Details[${index}]`;
  if (item.quantity === undefined || item.quantity === null) {
    throw ValidationException.invalidInput(`${where}.quantity`, 'quantity is mandatory for a line item');
  }
  if (typeof item.quantity !== 'number' || !Number.isFinite(item.quantity) || item.quantity <= 0) {
    throw ValidationException.invalidInput(
      `${where}.quantity`,
      `must be a positive number, got ${String(item.quantity)}`,
    );
  }
  if (!item.id && !item.product?.entityId) {
    throw ValidationException.invalidInput(
      `${where}.product`,
      'a new line item needs a product record with an id',
    );
  }
  const hasAmount = item.discount !== undefined && item.discount !== null;
  const hasPercentage = item.discountPercentage !== undefined && item.discountPercentage !== null;
  if (hasAmount && hasPercentage) {
    throw ValidationException.invalidInput(
      `${where}.discount`,
      'give either discount (an amount) or discountPercentage, not both',
    );
  }
  const out: Json = {};
  if (item.id) out.id = item.id;
  if (item.product) out.product = lookupToJson(item.product);
  if (item.description !== undefined) out.product_description = item.description;
  if (item.listPrice !== undefined) out.list_price = item.listPrice;
  out.quantity = item.quantity;
  if (hasAmount) out.Discount = item.discount;
  else if (hasPercentage) out.Discount = `${item.discountPercentage}%`;
  if (item.lineTax.length > 0)
    out.line_tax = item.lineTax.map((t, i) => taxToJson(t, `${where}.line_tax[${i}]`));
  return out;
}

/** `Discount` is a number (amount) on reads; a `"10%"` string means a percentage. */
function parseDiscount(item: ZCRMInventoryLineItem, value: unknown): void {
  if (typeof value === 'string' && value.trim().endsWith('%')) {
    const percentage = num(value.trim().slice(0, -1));
    if (typeof percentage === 'number') item.discountPercentage = percentage;
    return;
  }
  item.discount = num(value);
}
