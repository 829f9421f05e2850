import type { Json } from '../../api/mappers/json-utils';
import type { FieldCodec, WriteIssue } from '../../metadata/codecs/field-codec';
import type { FieldMetadata, ModelClass } from '../../metadata/field-metadata';
import { FIELD_ROLES } from '../../metadata/field-roles';
import { getMetadataStorage } from '../../metadata/metadata-storage';
import type { ModelMetadata } from '../../metadata/model-metadata';
import type { RefLoader } from '../values/ref';
import { codecFor } from './codecs/codec-for';

/**
 * How a model's instances map to Zoho's JSON and back: each field through its codec, under its API name.
 * Nothing is registered on the model class (no class-transformer metadata), so `instanceToPlain(model)` and
 * other libraries a model is used with see the class as its author wrote it.
 */

/** Canonical text of a wire value, to compare a field with what Zoho has. */
export function canonical(value: unknown): string {
  return value === undefined ? '\u2205' : JSON.stringify(value);
}

export class ModelMapping {
  readonly model: ModelClass;
  /** Every field, system fields included. */
  readonly fields: readonly FieldMetadata[];
  /** Fields a save may send. */
  readonly writable: readonly FieldMetadata[];
  private readonly codecs: ReadonlyMap<string, FieldCodec>;
  private blankValues?: Map<string, string>;

  constructor(readonly meta: ModelMetadata) {
    this.model = meta.target;
    this.fields = meta.fields;
    this.writable = meta.fields.filter((f) => !f.readonly);
    this.codecs = new Map(meta.fields.map((f) => [f.propertyName, codecFor(f)]));
  }

  get name(): string {
    return this.meta.name;
  }

  get module(): string {
    return this.meta.moduleApiName;
  }

  codec(property: string): FieldCodec | undefined {
    return this.codecs.get(property);
  }

  /** A new instance from a record's JSON (properties Zoho did not send keep their defaults). */
  hydrate<T>(json: Json, loader?: RefLoader): T {
    const instance = new (this.model as new () => Record<string, unknown>)();
    for (const field of this.fields) {
      const value = json[field.apiName];
      if (value === undefined) continue;
      instance[field.propertyName] = this.codecs
        .get(field.propertyName)!
        .read(value, { record: json, loader });
    }
    return instance as T;
  }

  /** The wire form of every writable field (`undefined` when unset); values that cannot be sent go to `issues`. */
  serialize(instance: object, issues: WriteIssue[] = []): Json {
    const source = instance as Record<string, unknown>;
    const out: Json = {};
    for (const field of this.writable) {
      out[field.apiName] = this.codecs.get(field.propertyName)!.write(source[field.propertyName], { issues });
    }
    return out;
  }

  /** The canonical wire form of a field on a fresh instance (what an unread field is compared with). */
  blank(apiName: string): string {
    if (!this.blankValues) {
      const fresh = new (this.model as new () => object)();
      const wire = this.serialize(fresh, []);
      this.blankValues = new Map(this.writable.map((f) => [f.apiName, canonical(wire[f.apiName])]));
    }
    return this.blankValues.get(apiName) ?? canonical(undefined);
  }

  /** True for fields whose value is a list of rows (line items, subforms …) that a save sends whole. */
  isRows(field: FieldMetadata): boolean {
    return FIELD_ROLES[field.role].rows;
  }
}

const mappings = new WeakMap<ModelClass, ModelMapping>();

/** The mapping of a model (built on first use, rebuilt if its metadata changed). */
export function getMapping(model: ModelClass): ModelMapping {
  const meta = getMetadataStorage().getModel(model);
  let mapping = mappings.get(model);
  if (!mapping || mapping.meta !== meta) {
    mapping = new ModelMapping(meta);
    mappings.set(model, mapping);
  }
  return mapping;
}
