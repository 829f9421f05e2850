/**
 * A tax: a line tax of an inventory line item (`line_tax`), a record-level tax of an inventory record
 * (`$line_tax`), or a tax name on a product (`Tax`). Data only.
 */
export class ZCRMTax {
  /** The tax's name (`Vat`, `Sales Tax`), which Zoho uses to identify it on writes. */
  name?: string;
  id?: string;
  /** The rate in percent (`12.5` for 12.5 %). */
  percentage?: number;
  /** The computed amount Zoho returns on reads; never sent. */
  value?: number;

  constructor(name?: string, percentage?: number) {
    if (name !== undefined) this.name = name;
    if (percentage !== undefined) this.percentage = percentage;
  }

  /** Builds a tax object without a request (`ZCRMTax.getInstance('Vat', 12.5)`). */
  static getInstance(name?: string, percentage?: number): ZCRMTax {
    return new ZCRMTax(name, percentage);
  }
}
