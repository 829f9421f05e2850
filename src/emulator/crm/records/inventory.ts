import type { EmulatorContext } from '../../context';
import type { FieldDef, StoredRecord } from '../../state/types';
import { isPlainObject } from '../body';
import { idOf, lookup, roundTo } from './field-values';
import { ItemErrors } from '../item-errors';
import { fail } from './item-failure';
import { listRows } from './list-rows';

/**
 * Inventory line items (`Product_Details` of Quotes, Sales Orders, Purchase Orders and Invoices, docs/zoho-v2-notes.md
 * §5.17) and the record totals computed from them.
 *
 * [I] Arithmetic: total = list_price × quantity; Discount is an amount or `"n%"` of total;
 * total_after_discount = total − Discount; Tax = Σ line_tax % of total_after_discount;
 * net_total = total_after_discount + Tax. Record: Sub_Total = Σ total_after_discount;
 * record taxes (`$line_tax`) apply to Sub_Total − Discount; Tax = line taxes + record taxes;
 * Grand_Total = Sub_Total − Discount + Tax + Adjustment.
 */
export const INVENTORY_MODULES = ['Quotes', 'Sales_Orders', 'Purchase_Orders', 'Invoices'];

export interface AppliedTax {
  name: string;
  percentage: number;
  id: string;
  value: number;
}

export interface StoredLineItem {
  /** Assigned when the record is stored. */
  id?: string;
  product: { id: string };
  quantity: number;
  Discount: number;
  total_after_discount: number;
  net_total: number;
  book: string | null;
  Tax: number;
  list_price: number;
  unit_price: number | null;
  quantity_in_stock: number | null;
  total: number;
  product_description: string | null;
  line_tax: AppliedTax[];
}

const PRODUCT: FieldDef = {
  api_name: 'product',
  field_label: 'Product',
  data_type: 'lookup',
  lookup_module: 'Products',
};

/**
 * Validates the input lines and computes their amounts. Updating replaces the whole list ([I] v2 has no
 * row delete flag); a line that carries the `id` of an existing line keeps it and defaults to its values.
 */
export function normaliseLineItems(
  ctx: EmulatorContext,
  def: FieldDef,
  value: unknown,
  existing: unknown,
): StoredLineItem[] {
  return listRows<StoredLineItem>(def, value, existing).map(({ row, stored }) =>
    computeLine(ctx, row, stored),
  );
}

function computeLine(
  ctx: EmulatorContext,
  row: Record<string, unknown>,
  base: StoredLineItem | undefined,
): StoredLineItem {
  const productInput = row.product ?? base?.product;
  if (productInput === undefined || productInput === null) fail(ItemErrors.mandatory('product'));
  const product = lookup(ctx, PRODUCT, 'Products', productInput);
  const productRecord = ctx.recordsOf('Products')[product.id];
  const sameProduct = base !== undefined && base.product.id === product.id;

  const quantity = row.quantity ?? base?.quantity;
  if (quantity === undefined || quantity === null) fail(ItemErrors.mandatory('quantity'));
  if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity <= 0)
    fail(ItemErrors.invalidType('quantity', 'double'));

  const unitPrice = typeof productRecord.Unit_Price === 'number' ? productRecord.Unit_Price : null;
  const listPrice = row.list_price ?? (sameProduct ? base.list_price : (unitPrice ?? 0));
  if (typeof listPrice !== 'number' || !Number.isFinite(listPrice) || listPrice < 0)
    fail(ItemErrors.invalidType('list_price', 'double'));

  const total = roundTo(listPrice * quantity);
  const discount = discountAmount(row.Discount ?? base?.Discount ?? 0, total);
  const afterDiscount = roundTo(total - discount);
  const taxes =
    row.line_tax === undefined ? (base?.line_tax ?? []) : normaliseTaxes(ctx, 'line_tax', row.line_tax);
  const lineTax = taxes.map((t) => ({ ...t, value: roundTo((afterDiscount * t.percentage) / 100) }));
  const tax = roundTo(lineTax.reduce((sum, t) => sum + t.value, 0));

  const description =
    row.product_description ?? (sameProduct ? base.product_description : (productRecord.Description ?? null));
  if (description !== null && typeof description !== 'string')
    fail(ItemErrors.invalidType('product_description', 'textarea'));

  return {
    ...(base?.id ? { id: base.id } : {}),
    product,
    quantity,
    Discount: discount,
    total_after_discount: afterDiscount,
    net_total: roundTo(afterDiscount + tax),
    book: null,
    Tax: tax,
    list_price: listPrice,
    unit_price: unitPrice,
    quantity_in_stock: typeof productRecord.Qty_in_Stock === 'number' ? productRecord.Qty_in_Stock : null,
    total,
    product_description: description,
    line_tax: lineTax,
  };
}

/** A discount is an amount (number) or a percentage of the line total (`"10%"`, as the SDKs send it). */
function discountAmount(input: unknown, total: number): number {
  let amount: number | undefined;
  if (typeof input === 'number' && Number.isFinite(input)) amount = input;
  else if (typeof input === 'string') {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(input);
    if (match) amount = match[2] ? (total * Number(match[1])) / 100 : Number(match[1]);
  }
  if (amount === undefined) fail(ItemErrors.invalidType('Discount', 'double'));
  amount = roundTo(amount);
  if (amount < 0 || amount > total) fail(ItemErrors.invalid('Discount'));
  return amount;
}

/** `[{name, percentage?}]` naming org taxes; the percentage defaults to the org tax's rate. */
export function normaliseTaxes(ctx: EmulatorContext, apiName: string, value: unknown): AppliedTax[] {
  if (value === null) return [];
  if (!Array.isArray(value)) fail(ItemErrors.invalidType(apiName, 'jsonarray'));
  return value.map((entry) => {
    if (!isPlainObject(entry) || typeof entry.name !== 'string') fail(ItemErrors.invalid(apiName));
    const name = entry.name.toLowerCase();
    const tax = ctx.state.taxes.find((t) => t.name.toLowerCase() === name);
    if (!tax) fail(ItemErrors.invalid(apiName));
    const percentage = entry.percentage ?? tax.value;
    if (typeof percentage !== 'number' || percentage < 0 || percentage > 100)
      fail(ItemErrors.invalidType(apiName, 'double'));
    return { name: tax.name, percentage, id: tax.id, value: 0 };
  });
}

/** The record's computed totals from its stored lines, `Discount`, `Adjustment` and `$line_tax`. */
export function inventoryTotals(record: StoredRecord): Record<string, unknown> {
  const lines = Array.isArray(record.Product_Details) ? (record.Product_Details as StoredLineItem[]) : [];
  const subTotal = roundTo(lines.reduce((sum, line) => sum + line.total_after_discount, 0));
  const discount = numberOr0(record.Discount);
  const taxBase = subTotal - discount;
  const recordTaxes = (Array.isArray(record.$line_tax) ? (record.$line_tax as AppliedTax[]) : []).map(
    (t) => ({
      ...t,
      value: roundTo((taxBase * t.percentage) / 100),
    }),
  );
  const tax = roundTo(
    lines.reduce((sum, line) => sum + line.Tax, 0) + recordTaxes.reduce((sum, t) => sum + t.value, 0),
  );
  return {
    Sub_Total: subTotal,
    Tax: tax,
    $line_tax: recordTaxes,
    Grand_Total: roundTo(taxBase + tax + numberOr0(record.Adjustment)),
  };
}

function numberOr0(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Lines as Zoho prints them: the product carries its name and code, read when rendered. */
export function renderLineItems(ctx: EmulatorContext, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return (value as StoredLineItem[]).map((line) => {
    const id = idOf(line.product);
    const product = id === undefined ? undefined : ctx.state.records.Products?.[id];
    return {
      ...line,
      product: product
        ? { Product_Code: product.Product_Code ?? null, name: product.Product_Name ?? null, id }
        : { Product_Code: null, name: null, id },
    };
  });
}
