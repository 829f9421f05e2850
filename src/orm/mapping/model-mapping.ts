import 'reflect-metadata';
import {
  ClassTransformOptions,
  Expose,
  instanceToPlain,
  plainToInstance,
  Transform,
  TransformationType,
} from 'class-transformer';
import type { MetadataStorage as TransformerMetadata } from 'class-transformer/types/MetadataStorage';
import type { TransformMetadata } from 'class-transformer';
import type { FieldMetadata, ModelClass } from '../../metadata/field-metadata';
import { getMetadataStorage } from '../../metadata/metadata-storage';
import type { ModelMetadata } from '../../metadata/model-metadata';
import type { Json } from '../../api/mappers/json-utils';
import type { RefLoader } from '../values/ref';
import { codecFor, FieldCodec, ROW_ROLES, WriteIssue } from './field-codecs';

/**
 * How a model's instances map to Zoho's JSON and back, through class-transformer: each field is registered
 * once per class with `@Expose({ name: <API name> })` and a `@Transform` each way that runs the field's
 * codec. So `plainToInstance(Invoice, json)` and `instanceToPlain(invoice)` work on their own too, and
 * class-transformer decorators a model adds itself take part.
 */

const CONTEXT = Symbol('zcrm.transform');

// class-transformer's own registry (not in its typed entry point): read to compile a model's mapping once.
const storageModule = 'class-transformer/cjs/storage';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformerMetadata = (require(storageModule) as { defaultMetadataStorage: TransformerMetadata })
  .defaultMetadataStorage;

/** One exposed property as class-transformer declares it: its key on the wire and its transforms. */
interface CompiledProperty {
  property: string;
  key: string;
  transforms: TransformMetadata[];
}

/**
 * A model's class-transformer metadata for one direction, flattened into a list, or undefined when the
 * model uses what the flat form does not cover (`@Type`, groups, versions, `@Exclude`, an exposure
 * strategy): then class-transformer runs the transformation itself.
 */
function compileDirection(model: ModelClass, type: TransformationType): CompiledProperty[] | undefined {
  const target = model as unknown as new () => object;
  if (transformerMetadata.getStrategy(target) !== 'none') return undefined;
  if (transformerMetadata.getExcludedProperties(target, type).length > 0) return undefined;
  const compiled: CompiledProperty[] = [];
  for (const property of new Set(transformerMetadata.getExposedProperties(target, type))) {
    const expose = transformerMetadata.findExposeMetadata(target, property);
    const options = expose?.options ?? {};
    if (options.groups?.length || options.since !== undefined || options.until !== undefined)
      return undefined;
    if (transformerMetadata.findTypeMetadata(target, property)) return undefined;
    const transforms = transformerMetadata
      .findTransformMetadatas(target, property, type)
      .filter(
        (t) => !t.options?.groups?.length && t.options?.since === undefined && t.options?.until === undefined,
      );
    const prototypeEntry = Object.getOwnPropertyDescriptor(model.prototype as object, property);
    if (prototypeEntry && (typeof prototypeEntry.value === 'function' || prototypeEntry.get))
      return undefined;
    compiled.push({ property, key: options.name ?? property, transforms });
  }
  return compiled;
}

/** What the transforms of one call need. */
interface TransformContext {
  mapping: ModelMapping;
  loader?: RefLoader;
  issues: WriteIssue[];
  /** The record's JSON, when class-transformer is given a key-only stand-in for it (see `hydrate`). */
  record?: Json;
}

type ContextOptions = ClassTransformOptions & { [CONTEXT]?: TransformContext };

/** Properties of each class already registered with class-transformer. */
const registered = new WeakMap<ModelClass, Set<string>>();

function register(model: ModelClass, fields: readonly FieldMetadata[]): void {
  let done = registered.get(model);
  if (!done) registered.set(model, (done = new Set()));
  for (const field of fields) {
    if (done.has(field.propertyName)) continue;
    done.add(field.propertyName);
    const property = field.propertyName;
    const proto = model.prototype as object;
    // Read-only fields are read, never written.
    Expose({ name: field.apiName, toClassOnly: field.readonly || undefined })(proto, property);
    Transform(
      ({ obj, options }) => {
        const ctx = (options as ContextOptions)[CONTEXT];
        const codec = (ctx?.mapping ?? getMapping(model)).codec(property) ?? codecFor(field);
        const record = ctx?.record ?? (obj as Json);
        return codec.read(record[codec.field.apiName], { record, loader: ctx?.loader });
      },
      { toClassOnly: true },
    )(proto, property);
    Transform(
      ({ obj, options }) => {
        const ctx = (options as ContextOptions)[CONTEXT];
        const codec = (ctx?.mapping ?? getMapping(model)).codec(property) ?? codecFor(field);
        return codec.write((obj as Record<string, unknown>)[property], { issues: ctx?.issues ?? [] });
      },
      { toPlainOnly: true },
    )(proto, property);
  }
}

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
  private readonly apiNames: readonly string[];
  private readonly readPlan?: CompiledProperty[];
  private readonly writePlan?: CompiledProperty[];
  private blankValues?: Map<string, string>;

  constructor(readonly meta: ModelMetadata) {
    this.model = meta.target;
    this.fields = meta.fields;
    this.writable = meta.fields.filter((f) => !f.readonly);
    this.codecs = new Map(meta.fields.map((f) => [f.propertyName, codecFor(f)]));
    this.apiNames = meta.fields.map((f) => f.apiName);
    register(this.model, meta.fields);
    this.readPlan = compileDirection(this.model, TransformationType.PLAIN_TO_CLASS);
    this.writePlan = compileDirection(this.model, TransformationType.CLASS_TO_PLAIN);
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

  /**
   * A new instance from a record's JSON (properties Zoho did not send keep their defaults). class-transformer
   * gets a stand-in holding only the keys of the model's fields (its default pass would deep-copy every
   * nested value only for the codecs to replace it); the transforms read the values from the JSON itself.
   */
  hydrate<T>(json: Json, loader?: RefLoader): T {
    const options = this.options(loader, []);
    options[CONTEXT]!.record = json;
    const plan = this.readPlan;
    if (!plan) {
      const keys: Json = {};
      for (const apiName of this.apiNames) if (json[apiName] !== undefined) keys[apiName] = null;
      return plainToInstance(this.model as new () => T, keys, options) as T;
    }
    // What plainToInstance does for these options, without its per-key registry lookups.
    const instance = new (this.model as new () => Record<string, unknown>)();
    for (const { property, key, transforms } of plan) {
      let value = json[key];
      if (value === undefined) continue;
      for (const t of transforms)
        value = t.transformFn({
          value,
          key: property,
          obj: json,
          type: TransformationType.PLAIN_TO_CLASS,
          options,
        });
      instance[property] = value;
    }
    return instance as T;
  }

  /** The wire form of every writable field (`undefined` when unset); values that cannot be sent go to `issues`. */
  serialize(instance: object, issues: WriteIssue[] = []): Json {
    const options = this.options(undefined, issues);
    const plan = this.writePlan;
    if (!plan) return instanceToPlain(instance, options) as Json;
    const source = instance as Record<string, unknown>;
    const out: Json = {};
    for (const { property, key, transforms } of plan) {
      let value = source[property];
      for (const t of transforms)
        value = t.transformFn({
          value,
          key: property,
          obj: instance,
          type: TransformationType.CLASS_TO_PLAIN,
          options,
        });
      out[key] = value;
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
    return ROW_ROLES.has(field.role);
  }

  private options(loader: RefLoader | undefined, issues: WriteIssue[]): ContextOptions {
    return {
      excludeExtraneousValues: true,
      exposeDefaultValues: true,
      enableImplicitConversion: false,
      [CONTEXT]: { mapping: this, loader, issues },
    };
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
