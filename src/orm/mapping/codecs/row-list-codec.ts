import { isJsonObject, Json } from '../../../api/mappers/json-utils';
import { FieldCodec, issue, mapperIssue } from '../../../metadata/codecs/field-codec';
import type { FieldMetadata } from '../../../metadata/field-metadata';
import { describeValue } from '../../../metadata/wire-values';

/**
 * A list of typed rows kept as instances of `Row` (participants, price ranges): read through the shared API
 * parser, written through the shared serialiser, each row checked and reported by its index.
 */
export function rowListCodec<Row extends object>(
  field: FieldMetadata,
  Row: new () => Row,
  what: { list: string; row: string },
  parse: (json: Json) => Partial<Row>,
  toJson: (row: Row, index: number) => unknown,
): FieldCodec {
  return {
    field,
    read: (v) =>
      Array.isArray(v) ? v.filter(isJsonObject).map((json) => Object.assign(new Row(), parse(json))) : [],
    write(v, ctx, path = field.propertyName) {
      if (v === undefined || v === null) return v;
      if (!Array.isArray(v))
        return issue(ctx, field, path, `expects a list of ${what.list}, got ${describeValue(v)}`);
      const out: unknown[] = [];
      v.forEach((p: unknown, i) => {
        if (!isJsonObject(p))
          return void issue(
            ctx,
            field,
            `${path}[${i}]`,
            `a ${what.row} must be an object (new ${Row.name}({...}))`,
          );
        try {
          out.push(toJson(Object.assign(new Row(), p), i));
        } catch (error) {
          mapperIssue(ctx, field, `${path}[${i}]`, error);
        }
      });
      return out;
    },
  };
}
