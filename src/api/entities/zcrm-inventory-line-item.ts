import type { ZCRMRecord } from './zcrm-record';
import { ZCRMTax } from './zcrm-tax';

/**
 * One row of an inventory record's `Product_Details` (Quotes, Sales_Orders, Purchase_Orders, Invoices).
 * `quantity` is mandatory on writes. Give either `discount` (an amount) or `discountPercentage` (sent as
 * `"10%"`), not both. `total`, `totalAfterDiscount`, `taxAmount` and `netTotal` are computed by Zoho and are
 * read-only.
 */
export class ZCRMInventoryLineItem {
  /** The line item's own id (present on items read back; send it to update that row). */
  id?: string;
  /** The product, as a `Products` record with its name in `lookupLabel`. */
  product?: ZCRMRecord;
  listPrice?: number | null;
  quantity?: number | null;
  description?: string | null;
  /** Discount as an amount. */
  discount?: number | null;
  /** Discount as a percentage of the total (`10` for 10 %); sent as `"10%"`. */
  discountPercentage?: number | null;
  total?: number | null;
  totalAfterDiscount?: number | null;
  /** The line's total tax (`Tax`). */
  taxAmount?: number | null;
  netTotal?: number | null;
  unitPrice?: number | null;
  quantityInStock?: number | null;
  /** Set to ask Zoho to delete this row on update (not sent otherwise). */
  deleteFlag = false;
  /** Taxes applied to this line (`line_tax`). */
  lineTax: ZCRMTax[] = [];
  /** Keys of the line item JSON that have no attribute here (`book` …), as read. */
  fieldData: Record<string, unknown> = {};

  constructor(productOrId?: ZCRMRecord | string) {
    if (typeof productOrId === 'string') this.id = productOrId;
    else if (productOrId) this.product = productOrId;
  }

  /**
   * Builds a line item without a request: `getInstance(productRecord)` for a new row, or
   * `getInstance(lineItemId)` to refer to an existing row.
   */
  static getInstance(productOrId?: ZCRMRecord | string): ZCRMInventoryLineItem {
    return new ZCRMInventoryLineItem(productOrId);
  }

  /** Adds a line tax (`ZCRMTax.getInstance('Vat', 12.5)`). */
  addLineTax(tax: ZCRMTax): void {
    this.lineTax.push(tax);
  }
}
