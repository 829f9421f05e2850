import { idString, isJsonObject, Json } from '../../../api/mappers/json-utils';
import { FieldCodec, issue } from '../../../metadata/codecs/field-codec';
import type { FieldMetadata } from '../../../metadata/field-metadata';
import { getMetadataStorage } from '../../../metadata/metadata-storage';
import { describeValue } from '../../../metadata/wire-values';
import type { RowCodecs } from './row-codecs';

/** Subform rows: instances of the declared row class, each field through its own codec. */
export function subformCodec(field: FieldMetadata, rowFieldCodecs: RowCodecs): FieldCodec {
  const rowClass = () => {
    const row = getMetadataStorage().resolveTarget(field);
    if (!row) throw new TypeError(`${field.propertyName}: @Subform needs its row class`);
    return row as new () => Record<string, unknown>;
  };
  return {
    field,
    read(v, ctx) {
      if (!Array.isArray(v)) return [];
      const Row = rowClass();
      const codecs = rowFieldCodecs(Row);
      return v.filter(isJsonObject).map((json) => {
        const row = new Row();
        const id = idString(json.id);
        if (id !== undefined) row.id = id;
        for (const codec of codecs) {
          const value = codec.read(json[codec.field.apiName], { ...ctx, record: json });
          if (value !== undefined) row[codec.field.propertyName] = value;
        }
        return row;
      });
    },
    write(v, ctx, path = field.propertyName) {
      if (v === undefined || v === null) return v;
      if (!Array.isArray(v))
        return issue(ctx, field, path, `expects a list of rows, got ${describeValue(v)}`);
      const codecs = rowFieldCodecs(rowClass());
      return v.map((row: unknown, i) => {
        const where = `${path}[${i}]`;
        if (!isJsonObject(row)) return issue(ctx, field, where, 'a subform row must be an object');
        const json: Json = {};
        const id = idString(row.id);
        if (id !== undefined) json.id = id;
        for (const codec of codecs) {
          if (codec.field.readonly) continue;
          const value = codec.write(
            row[codec.field.propertyName],
            ctx,
            `${where}.${codec.field.propertyName}`,
          );
          if (value !== undefined) json[codec.field.apiName] = value;
        }
        return json;
      });
    },
  };
}
