import type { ZCRMRestClient } from '../../api/rest-client';
import { listRecords } from '../../api/operations/record-operations';
import { listOf } from '../../api/operations/item-results';
import type { Json } from '../../api/mappers/json-utils';
import type { PropertyKeys } from '../../query/find-options';
import type { FieldMetadata, ModelClass } from '../../metadata/field-metadata';
import { getMetadataStorage } from '../../metadata/metadata-storage';
import type { ModelMapping } from '../mapping/model-mapping';
import { OrmErrors } from '../errors/orm-errors';
import { Ref } from '../values/ref';

/** The lookup properties of `T` (declared `Ref<Model>`): what `relations` can load. */
export type LookupKeys<T> = {
  [K in PropertyKeys<T>]-?: NonNullable<T[K]> extends Ref<any> ? K : never;
}[PropertyKeys<T>];

/** `relations`: the lookups to load with the records, `{ account: true }` (TypeORM's object form). */
export type FindOptionsRelations<T> = { [K in LookupKeys<T>]?: boolean };

/** No `relations` (the default of the find methods' type parameter). */
export type NoRelations = Record<never, never>;

/** The properties a `relations` option turns on. */
export type RelationKeys<T, R> = {
  [K in keyof R]: R[K] extends true ? K : never;
}[keyof R] &
  LookupKeys<T>;

/** The record a lookup of type `V` refers to (`Ref<Account>` → `Account`), keeping `undefined`/`null`. */
export type Loaded<V> = V extends Ref<infer M> ? M : V;

/**
 * A record read with `relations`: each loaded lookup holds the referenced record itself (`invoice.account`
 * is an `Account`, or undefined when the lookup is empty) instead of a `Ref`.
 */
export type WithRelations<T, R> = [RelationKeys<T, R>] extends [never]
  ? T
  : Omit<T, RelationKeys<T, R>> & { [K in RelationKeys<T, R>]: Loaded<T[K]> };

/** Turns a JSON row of `model` into an instance read through `client`. */
export type Hydrate = (model: ModelClass, client: ZCRMRestClient) => (json: Json) => object;

/**
 * Most ids one `GET /{module}?ids=` names: the page holds up to 200 records, and 100 keeps the URL short
 * (the official Node SDK sends `ids` as a query parameter: `@zohocrm/nodejs-sdk-2.0`
 * `core/com/zoho/crm/api/record/record_operations.js`, `GetRecordsParam.IDS`).
 */
export const IDS_PER_CALL = 100;

/** The lookup fields `relations` names, checked against the model. */
export function relationFields(mapping: ModelMapping, relations: object | undefined): FieldMetadata[] {
  if (!relations) return [];
  const fields: FieldMetadata[] = [];
  for (const [property, on] of Object.entries(relations)) {
    if (on === false || on === undefined) continue;
    const field = mapping.meta.fields.find((f) => f.propertyName === property);
    if (!field || field.role !== 'lookup' || !field.target) {
      throw OrmErrors.badRelation(
        mapping.name,
        property,
        field ? 'it is not a lookup to a model' : 'no such property',
      );
    }
    if (on !== true)
      throw OrmErrors.badRelation(mapping.name, property, `expects true or false, got ${JSON.stringify(on)}`);
    fields.push(field);
  }
  return fields;
}

/**
 * Replaces the lookups `fields` of `records` by the records they refer to, read in as few calls as the ids
 * take (`GET /{module}?ids=a,b,c`, 100 ids per call), never one call per record. A lookup whose record the
 * call does not return (not visible to the user) keeps its `Ref`.
 */
export async function loadRelations(
  client: ZCRMRestClient,
  records: readonly object[],
  fields: readonly FieldMetadata[],
  hydrate: Hydrate,
): Promise<void> {
  for (const field of fields) {
    const target = getMetadataStorage().resolveTarget(field)!;
    const module = getMetadataStorage().getModel(target).moduleApiName;
    const property = field.propertyName;
    const ids = new Set<string>();
    for (const record of records) {
      const value = (record as Record<string, unknown>)[property];
      if (value instanceof Ref) ids.add(value.id);
    }
    const loaded = await readByIds(client, target, module, [...ids], hydrate);
    for (const record of records) {
      const value = (record as Record<string, unknown>)[property];
      if (value instanceof Ref && loaded.has(value.id))
        (record as Record<string, unknown>)[property] = loaded.get(value.id);
    }
  }
}

/** The records of `module` with these ids, by id, 100 ids a call (the calls run one after another). */
async function readByIds(
  client: ZCRMRestClient,
  model: ModelClass,
  module: string,
  ids: readonly string[],
  hydrate: Hydrate,
): Promise<Map<string, object>> {
  const out = new Map<string, object>();
  const make = hydrate(model, client);
  for (let start = 0; start < ids.length; start += IDS_PER_CALL) {
    const chunk = ids.slice(start, start + IDS_PER_CALL);
    const response = await listRecords(client, module, { params: { ids: chunk.join(','), per_page: 200 } });
    for (const json of listOf(response, 'data')) out.set(String(json.id), make(json));
  }
  return out;
}
