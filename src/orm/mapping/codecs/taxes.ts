import { isJsonObject } from '../../../api/mappers/json-utils';
import { parseTax, taxToJson } from '../../../api/mappers/tax-mapper';
import { ZCRMTax } from '../../../api/entities/zcrm-tax';
import type { FieldMetadata } from '../../../metadata/field-metadata';
import { issue, WriteContext } from '../../../metadata/codecs/field-codec';
import { describeValue } from '../../../metadata/wire-values';
import type { Tax } from '../../values/tax';

/** Taxes ↔ plain `{ name, percentage, value, id }` objects, through the API layer's tax mapper. */
export function readTaxes(v: unknown): Tax[] {
  if (!Array.isArray(v)) return [];
  const taxes: Tax[] = [];
  for (const entry of v) {
    const tax = parseTax(entry);
    if (!tax?.name) continue;
    const out: { name: string; percentage?: number; value?: number; id?: string } = { name: tax.name };
    if (tax.percentage !== undefined) out.percentage = tax.percentage;
    if (tax.value !== undefined) out.value = tax.value;
    if (tax.id !== undefined) out.id = tax.id;
    taxes.push(out);
  }
  return taxes;
}

/** The wire form of a list of taxes (record-level or of one line item), each checked. */
export function writeTaxes(
  v: unknown,
  field: FieldMetadata,
  ctx: WriteContext,
  path: string,
): unknown[] | undefined {
  if (!Array.isArray(v))
    return issue(ctx, field, path, `expects a list of taxes ({ name, percentage }), got ${describeValue(v)}`);
  const out: unknown[] = [];
  v.forEach((t, i) => {
    const where = `${path}[${i}]`;
    if (!isJsonObject(t) || typeof t.name !== 'string' || t.name === '') {
      issue(ctx, field, where, 'a tax needs its name');
      return;
    }
    if (
      t.percentage !== undefined &&
      (typeof t.percentage !== 'number' ||
        !Number.isFinite(t.percentage) ||
        t.percentage < 0 ||
        t.percentage > 100)
    ) {
      issue(ctx, field, `${where}.percentage`, 'must be a number from 0 to 100');
      return;
    }
    const tax = new ZCRMTax(t.name, t.percentage);
    // The id is Zoho's; sending the name and rate is enough, and stays valid if the org tax is replaced.
    out.push(taxToJson(tax, where));
  });
  return out;
}
