import { ZCRMTax } from '../entities/zcrm-tax';
import { ValidationException } from '../../errors/validation-exception';
import { idString, isJsonObject, num, str } from './json-utils';

/** Taxes ↔ {@link ZCRMTax}: line taxes (`line_tax`), record taxes (`$line_tax`) and product tax names (`Tax`). */

/** Parses `{name, percentage, value, id}` or a bare tax name. Returns `undefined` for anything else. */
export function parseTax(json: unknown): ZCRMTax | undefined {
  if (typeof json === 'string') return new ZCRMTax(json);
  if (!isJsonObject(json)) return undefined;
  const tax = new ZCRMTax();
  const name = str(json.name);
  if (name) tax.name = name;
  const id = idString(json.id);
  if (id !== undefined) tax.id = id;
  const percentage = num(json.percentage);
  if (typeof percentage === 'number') tax.percentage = percentage;
  const value = num(json.value);
  if (typeof value === 'number') tax.value = value;
  return tax;
}

/** Parses a list of taxes, skipping entries that are not taxes. */
export function parseTaxList(json: unknown): ZCRMTax[] {
  if (!Array.isArray(json)) return [];
  return json.map(parseTax).filter((t): t is ZCRMTax => t !== undefined);
}

/**
 * A tax as a write sends it in `line_tax`/`$line_tax`: `{name, percentage}` (and `id` when known). The computed
 * `value` is never sent. `where` names the tax in the error when it has no name.
 */
export function taxToJson(tax: ZCRMTax, where: string): Record<string, unknown> {
  if (!tax.name) throw ValidationException.invalidInput(where, 'a tax needs its name');
  const out: Record<string, unknown> = { name: tax.name };
  if (tax.id !== undefined) out.id = tax.id;
  if (tax.percentage !== undefined) out.percentage = tax.percentage;
  return out;
}

/** A product's `Tax` as a write sends it: the list of tax names. */
export function taxNamesToJson(taxes: ZCRMTax[], where: string): string[] {
  return taxes.map((tax, i) => {
    if (!tax.name) throw ValidationException.invalidInput(`${where}[${i}]`, 'a tax needs its name');
    return tax.name;
  });
}
