import { idString, isJsonObject, Json, str } from '../../../api/mappers/json-utils';
import type { FieldMetadata, ModelClass } from '../../../metadata/field-metadata';
import { getMetadataStorage } from '../../../metadata/metadata-storage';
import { CodecFactory, issue } from '../../../metadata/codecs/field-codec';
import { describeValue } from '../../../metadata/wire-values';
import { Ref } from '../../values/ref';
import { refId } from './ref-id';

/** The module a lookup points to: its model's, else `$se_module` for the polymorphic ones. */
function lookupModule(field: FieldMetadata, record: Json): { model?: ModelClass; module?: string } {
  const storage = getMetadataStorage();
  const target = storage.resolveTarget(field);
  if (target && storage.isModel(target))
    return { model: target, module: storage.getModel(target).moduleApiName };
  const se = record.$se_module;
  return { module: typeof se === 'string' ? se : undefined };
}

/** Lookups: `{name, id}` on the wire, a {@link Ref} on the model; any `{ id }` or id string is sent as `{ id }`. */
export const lookupCodec: CodecFactory = (field) => {
  // The target is resolved on first read (its thunk may refer to a class defined later in the file).
  let target: { model?: ModelClass; module?: string } | undefined;
  return {
    field,
    read(v, ctx) {
      const id = idString(isJsonObject(v) ? v.id : v);
      if (id === undefined) return undefined;
      if (target === undefined) {
        const resolved = lookupModule(field, ctx.record);
        if (resolved.model) target = resolved;
      }
      const { model, module } = target ?? lookupModule(field, ctx.record);
      const name = isJsonObject(v) ? (str(v.name) ?? undefined) : undefined;
      return new Ref(id, { name, model, module, loader: ctx.loader });
    },
    write(v, ctx, path) {
      if (v === undefined || v === null) return v;
      const id = refId(v);
      if (id === undefined) {
        return issue(
          ctx,
          field,
          path,
          `expects a record reference (Model.ref(id), a record with an id, or an id string), got ${describeValue(v)}`,
        );
      }
      return { id };
    },
  };
};
