import type { CodecFactory } from '../../../metadata/codecs/field-codec';
import { readTaxes, writeTaxes } from './taxes';

/** The record-level taxes (`$line_tax`) of an inventory record. */
export const lineTaxesCodec: CodecFactory = (field) => ({
  field,
  read: (v) => readTaxes(v),
  write(v, ctx, path = field.propertyName) {
    if (v === undefined || v === null) return v;
    return writeTaxes(v, field, ctx, path);
  },
});
