import type { ZCRMRestClient } from '../api/rest-client';
import type { Json } from '../api/mappers/json-utils';
import { canonical, getMapping } from './mapping/model-mapping';
import { getRepository, ModelConstructor, Repository } from './repository';
import { stateOf } from './state/record-state';
import { snapshotOf } from './write/prepare-write';

/** Where a record lives: for code that makes its own calls about a record (notes, attachments, tags …). */
export interface RecordContext<T extends object> {
  /** The client the record came from (or the default client). */
  readonly client: ZCRMRestClient;
  /** The module API name. */
  readonly module: string;
  /** The record id; undefined for a record never saved. */
  readonly id: string | undefined;
  readonly model: ModelConstructor<T>;
  readonly repository: Repository<T>;
}

/** The client, module and id of a record (the client it was read or saved through, else the default one). */
export function recordContext<T extends object>(record: T): RecordContext<T> {
  const model = record.constructor as ModelConstructor<T>;
  const repository = (stateOf(record).repository as Repository<T> | undefined) ?? getRepository(model);
  const id = (record as { id?: unknown }).id;
  return {
    get client() {
      return repository.client;
    },
    module: repository.module,
    id: typeof id === 'string' && id !== '' ? id : undefined,
    model,
    repository,
  };
}

/**
 * The fields a `save()` would send as an update: API name → wire value (`null` clears a field), the fields
 * that differ from what Zoho has (as last read or written). Every set field for a record never saved.
 */
export function getChanges(record: object): Json {
  const mapping = getMapping(record.constructor);
  const wire = mapping.serialize(record, []);
  const id = (record as { id?: unknown }).id;
  const changes: Json = {};
  for (const field of mapping.writable) {
    const value = wire[field.apiName];
    if (id === undefined || id === null || id === '') {
      if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0))
        changes[field.apiName] = value;
    } else if (canonical(value) !== snapshotOf(record, mapping, field)) {
      changes[field.apiName] = value === undefined ? null : value;
    }
  }
  return changes;
}
