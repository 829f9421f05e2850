import { Ref } from './ref';
import type { Tax } from './tax';

/** A discount: an amount (`8`) or a percentage of the line total (`'10%'`). */
export type Discount = number | `${number}%`;

/** What a {@link LineItem} is made from. */
export interface LineItemInit {
  /** The id of an existing line (to change it rather than add a new one). */
  id?: string;
  /** The product: its id, a `Product.ref(id)`, or a loaded product record. */
  product: string | { id: string; name?: string };
  quantity: number;
  /** Defaults to the product's unit price. */
  listPrice?: number;
  discount?: Discount;
  description?: string;
  taxes?: Tax[];
}

const isDiscount = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'number' && Number.isFinite(value) && value >= 0) ||
  (typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*%\s*$/.test(value));

/**
 * An inventory line item (`Product_Details` of Quotes, Sales_Orders, Purchase_Orders and Invoices):
 * ```ts
 * invoice.lines.push(new LineItem({ product: productId, quantity: 100, listPrice: 8, discount: '10%',
 *                                   description: 'Licences', taxes: [{ name: 'Vat', percentage: 5 }] }));
 * ```
 * The amounts Zoho computes (`total`, `totalAfterDiscount`, `taxAmount`, `netTotal`) are read-only: they are
 * filled in when the record is read, and after a save (which re-reads the record). A discount given as
 * `'10%'` reads back as the amount it came to. Its class-validator constraints are declared by
 * {@link declareLineItemConstraints} when validation first runs.
 */
export class LineItem {
  /** The line's id, once Zoho has stored it. */
  id?: string;

  product?: Ref;

  quantity?: number;

  listPrice?: number;

  discount?: Discount;

  description?: string;

  /** The line's taxes. */
  taxes: Tax[] = [];

  /** `listPrice × quantity` (read-only). */
  readonly total?: number;
  /** `total − discount` (read-only). */
  readonly totalAfterDiscount?: number;
  /** The sum of the line's taxes (read-only; `Tax` on the wire). */
  readonly taxAmount?: number;
  /** `totalAfterDiscount + taxAmount` (read-only). */
  readonly netTotal?: number;
  /** The product's unit price (read-only). */
  readonly unitPrice?: number;
  /** The product's stock (read-only). */
  readonly quantityInStock?: number;

  constructor(init?: LineItemInit) {
    if (!init) return;
    if (init.id !== undefined) this.id = init.id;
    this.product = toRef(init.product);
    this.quantity = init.quantity;
    if (init.listPrice !== undefined) this.listPrice = init.listPrice;
    if (init.discount !== undefined) this.discount = init.discount;
    if (init.description !== undefined) this.description = init.description;
    if (init.taxes) this.taxes = init.taxes.map((t) => ({ ...t }));
  }
}

/**
 * Declares the class-validator constraints of {@link LineItem}, as its property decorators would (bottom-up,
 * as TypeScript applies them). Done by the validation step when it first loads class-validator, so that
 * importing the SDK does not load class-validator (some 300 modules).
 */
export function declareLineItemConstraints(cv: typeof import('class-validator')): void {
  const line = LineItem.prototype;
  cv.IsDefined({ message: 'a line item needs a product' })(line, 'product');
  cv.IsPositive({ message: 'quantity must be a positive number' })(line, 'quantity');
  cv.IsDefined({ message: 'a line item needs a quantity' })(line, 'quantity');
  cv.Min(0, { message: 'listPrice must not be negative' })(line, 'listPrice');
  cv.IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'listPrice must be a number' })(
    line,
    'listPrice',
  );
  cv.IsOptional()(line, 'listPrice');
  cv.ValidateBy(
    { name: 'isDiscount', validator: { validate: isDiscount } },
    { message: "discount must be a non-negative amount or a percentage such as '10%'" },
  )(line, 'discount');
  cv.IsString({ message: 'description must be a string' })(line, 'description');
  cv.IsOptional()(line, 'description');
}

function toRef(product: LineItemInit['product'] | undefined): Ref | undefined {
  if (product === undefined || product === null) return undefined;
  if (product instanceof Ref) return product;
  if (typeof product === 'string') return new Ref(product, { module: 'Products' });
  return new Ref(product.id, { name: product.name, module: 'Products' });
}
