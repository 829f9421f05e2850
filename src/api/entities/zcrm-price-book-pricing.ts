/** One row of a `Price_Books` record's `Pricing_Details` (differential pricing). All three numbers are required on writes. */
export class ZCRMPriceBookPricing {
  id?: string;
  fromRange?: number | null;
  toRange?: number | null;
  /** Discount in percent for quantities from `fromRange` to `toRange`. */
  discount?: number | null;

  constructor(id?: string) {
    if (id !== undefined) this.id = id;
  }

  /** Builds a pricing row without a request. */
  static getInstance(id?: string): ZCRMPriceBookPricing {
    return new ZCRMPriceBookPricing(id);
  }
}
