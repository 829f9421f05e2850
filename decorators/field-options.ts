import type { ZohoDataType } from '../src/metadata/field-metadata';

/** Options every field decorator takes. */
export interface FieldOptions {
  /** Read from Zoho but never sent on a save (formula, roll-up and system fields: `Grand_Total`). */
  readonly?: boolean;
}

/** Options of `@Field`. */
export interface PlainFieldOptions extends FieldOptions {
  /**
   * Zoho's data type. Inferred from the property type when omitted (`string` → text, `number` → double,
   * `boolean`, `Date` → datetime, `string[]` → multiselectpicklist); give it for date fields (`'date'`,
   * `'YYYY-MM-DD'` strings), integers, currencies, picklists and text areas so queries use the operators
   * Zoho allows on them.
   */
  type?: ZohoDataType;
  /**
   * The field is unique in the module (Zoho's field setting "Do not allow duplicate values"): `saveMany`
   * retries an insert whose answer was lost as an upsert matched on it, so the record's fate becomes known.
   */
  unique?: boolean;
}
