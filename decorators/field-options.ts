import type { ZohoDataType } from '../src/metadata/data-types';

/** Options every field decorator takes. */
export interface FieldOptions {
  /** Read from Zoho but never sent on a save (formula, roll-up and system fields: `Grand_Total`). */
  readonly?: boolean;
}

/** Options of `@Field`. */
export interface PlainFieldOptions extends FieldOptions {
  /**
   * Zoho's data type. Give it for date fields (`'date'`, `'YYYY-MM-DD'` strings), integers, currencies,
   * picklists and text areas, so values are sent and queried the way Zoho takes them. When omitted it is
   * inferred from the property's design type (`string` → text, `number` → double, `boolean`, `Date` →
   * datetime, `string[]` → multiselectpicklist), which only `tsc` with `emitDecoratorMetadata` emits: under
   * esbuild, SWC, tsx or TypeScript 5 standard decorators a `@Field` without `type` fails when the class is
   * defined.
   */
  type?: ZohoDataType;
  /**
   * The field is unique in the module (Zoho's field setting "Do not allow duplicate values"): `saveMany`
   * retries an insert whose answer was lost as an upsert matched on it, so the record's fate becomes known.
   */
  unique?: boolean;
}
