import { idString, isJsonObject } from '../../../api/mappers/json-utils';
import { Ref } from '../../values/ref';

/** The id of a reference value: a `Ref`, a loaded record, `{ id }` or a bare id string. */
export function refId(v: unknown): string | undefined {
  if (typeof v === 'string') return /^\d+$/.test(v) ? v : undefined;
  if (isJsonObject(v) || v instanceof Ref) {
    const id = idString((v as { id?: unknown }).id);
    return id !== undefined && /^\d+$/.test(id) ? id : undefined;
  }
  return undefined;
}
