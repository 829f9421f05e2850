/**
 * A tax applied to a line item (`line_tax`) or to a whole inventory record (`$line_tax`). Give the org tax's
 * `name` and optionally its `percentage`; Zoho fills in `id` and the computed `value` (read-only).
 */
export interface Tax {
  name: string;
  percentage?: number;
  /** The tax amount Zoho computed (never sent). */
  readonly value?: number;
  readonly id?: string;
}
