import { num } from '../../api/mappers/json-utils';
import type { FieldMetadata } from '../field-metadata';
import { describeValue } from '../wire-values';
import { FieldCodec, issue } from './field-codec';

function numberCodec(field: FieldMetadata, integer: boolean): FieldCodec {
  return {
    field,
    read: (v) => num(v) ?? undefined,
    write(v, ctx, path) {
      if (v === undefined || v === null) return v;
      if (typeof v === 'number' && Number.isFinite(v)) {
        if (integer && !Number.isInteger(v)) return issue(ctx, field, path, `expects an integer, got ${v}`);
        return v;
      }
      return issue(ctx, field, path, `expects a finite number, got ${describeValue(v)}`);
    },
  };
}

/** Doubles, currencies, percentages, decimals: JSON numbers both ways. */
export const decimalCodec = (field: FieldMetadata): FieldCodec => numberCodec(field, false);

/** Integers: JSON numbers without a fraction. */
export const integerCodec = (field: FieldMetadata): FieldCodec => numberCodec(field, true);
